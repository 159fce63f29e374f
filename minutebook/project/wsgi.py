"""WSGI entry point for production servers (Granian through `minutebook serve`, gunicorn,
mod_wsgi). Each worker freezes its long-lived objects out of the garbage collector's way
once warm (minutebook.project.warmup)."""

import os

from django.core.wsgi import get_wsgi_application

from minutebook.project.warmup import FreezeAfterWarmUp

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minutebook.project.settings")
application = FreezeAfterWarmUp(get_wsgi_application())

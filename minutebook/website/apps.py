from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "minutebook.website"
    label = "website"
    verbose_name = "Public website"

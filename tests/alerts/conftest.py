from tests.alerts.smtp import smtp_inbox  # noqa: F401 - a fixture for this folder
from tests.api.conftest import api_world, client  # noqa: F401 - the same small council

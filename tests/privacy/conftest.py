from tests.api.conftest import api_world, client  # noqa: F401 - the same small council

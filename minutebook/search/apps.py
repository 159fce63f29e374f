from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "minutebook.search"
    label = "search"

    def ready(self) -> None:
        from minutebook.records import writes
        from minutebook.search.indexing import index_items

        # The one write path (records.writes) re-derives search rows through this.
        writes.register_indexer("search", index_items)

"""Form widgets for a form rendered on every request (the search form).

Django renders each widget, and each ``<option>`` of a ``Select``, through the template
engine: about 40 microseconds an option and 50 a text or date input, which with every
committee of a council in the filter was a third of the search page's time. These write
the same markup directly: ``QuickSelect`` with ``format_html`` (same escaping, ``selected``
on the chosen value), ``QuickTextInput`` / ``QuickDateInput`` / ``QuickHiddenInput``
exactly as ``django/forms/widgets/input.html`` and ``attrs.html`` do (attributes in
their order, ``True`` as a bare name, ``False`` left out).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.forms.widgets import Input
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe


class QuickSelect(forms.Select):
    def render(self, name: str, value: Any, attrs: dict | None = None, renderer: Any = None) -> str:
        chosen = {str(v) for v in self.format_value(value)}
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (str(key), " selected" if str(key) in chosen else "", label)
                for key, label in self.choices
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(final), options)


def template_attrs(attrs: dict[str, Any]) -> str:
    """``attrs`` as Django's ``attrs.html`` writes them (escaped, in their order)."""
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class QuickInput(Input):
    """An ``<input>`` written as ``django/forms/widgets/input.html`` writes it."""

    def render(
        self, name: str, value: Any, attrs: dict | None = None, renderer: Any = None
    ) -> SafeString:
        shown = self.format_value(value)
        return mark_safe(
            f'<input type="{escape(self.input_type)}" name="{escape(name)}"'
            + ("" if shown is None else f' value="{escape(shown)}"')
            + template_attrs(self.build_attrs(self.attrs, attrs))
            + ">"
        )


class QuickTextInput(QuickInput, forms.TextInput):
    pass


class QuickDateInput(QuickInput, forms.DateInput):
    pass


class QuickHiddenInput(QuickInput, forms.HiddenInput):
    pass

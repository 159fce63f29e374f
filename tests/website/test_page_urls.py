"""Record page addresses built without the resolver (records.paths) are reverse()'s."""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from minutebook.records.paths import page_url


@pytest.mark.parametrize(
    "name, arg",
    [
        ("website:item", 1),
        ("website:item", 1234567),
        ("website:meeting", 42),
        ("website:person", "mary-clement"),
        ("website:person", "o_neill-2"),
        ("website:topic", "pause-project"),
        ("website:body", "islington-council"),
        ("website:person", "7654321987"),  # the marker itself
    ],
)
def test_an_address_is_reverses(name, arg):
    assert page_url(name, arg) == reverse(name, args=[arg])


@pytest.mark.parametrize("arg", ["déjà-vu", "a b", "a/b", "x%41"])
def test_an_argument_reverse_would_quote_or_refuse_goes_through_reverse(arg):
    try:
        expected = reverse("website:person", args=[arg])
    except NoReverseMatch:
        with pytest.raises(NoReverseMatch):
            page_url("website:person", arg)
    else:
        assert page_url("website:person", arg) == expected


def test_a_script_prefix_is_kept():
    try:
        set_script_prefix("/minutes/")
        assert page_url("website:item", 7) == reverse("website:item", args=[7])
        assert page_url("website:item", 7).startswith("/minutes/")
    finally:
        set_script_prefix("/")
    assert page_url("website:item", 7) == "/items/7/"


@pytest.mark.parametrize("name", ["website:home", "website:people", "search:search"])
def test_the_navigations_addresses_are_reverses_under_any_prefix(name):
    from minutebook.website.templatetags.website import site_url

    assert site_url(name) == reverse(name)
    try:
        set_script_prefix("/minutes/")
        assert site_url(name) == reverse(name) and site_url(name).startswith("/minutes/")
    finally:
        set_script_prefix("/")


def test_a_path_is_linked_only_if_served():
    from minutebook.website.templatetags.website import url_if_served

    assert url_if_served("/commitments/") == "/commitments/"
    assert url_if_served("/no-such-page-here/") == ""

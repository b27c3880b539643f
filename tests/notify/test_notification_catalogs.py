"""The gettext catalogs of buyer emails and SMS: the template holds exactly the strings the code
marks, every shipped language translates every one of them (not fuzzy, same placeholders), the
names reused from the tracking page's catalogs exist there, and each script stays itself."""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

import crosstrack.notify
from crosstrack.domain.alerts import ACTIONS
from crosstrack.i18n import DEFAULT, SHIPPED
from crosstrack.notify.sms import is_gsm7
from crosstrack.notify.words import NOTIFICATIONS, VOCABULARY
from crosstrack.wording import HEADLINES, MILESTONES

NOTIFY = Path(crosstrack.notify.__file__).parent
LOCALES = resources.files("crosstrack") / "locales"
TRANSLATED = [locale for locale in SHIPPED if locale != DEFAULT]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")

#: Characters only Simplified Chinese writes so, and their Traditional forms.
SIMPLIFIED_ONLY = "订单货运动态关问题联络点链开时间达递邮阶确认请这发务买卖们说为员处检税费围"
TRADITIONAL_ONLY = "訂單貨運動態關問題聯絡點鏈開時間達遞郵階確認請這發務買賣們說為員處檢稅費圍"


def _catalog(domain: str, locale: str | None = None) -> Catalog:
    path = (
        LOCALES / f"{domain}.pot"
        if locale is None
        else LOCALES / locale / "LC_MESSAGES" / f"{domain}.po"
    )
    with path.open("rb") as source:
        return read_po(source, locale=locale.replace("-", "_") if locale else None)


def _ids(catalog: Catalog) -> set[str]:
    return {_msgid(message) for message in catalog if message.id}


def _msgid(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def _marked(keyword: str) -> Iterator[tuple[str, str]]:
    """(file name, text) of every string literal marked with ``keyword`` under notify/."""
    for filename, _line, text, _comments, _context in extract_from_dir(
        str(NOTIFY),
        method_map=[("**.py", "python")],
        keywords={keyword: None},
    ):
        assert isinstance(text, str)
        yield filename, text


def _reused() -> set[str]:
    """The texts of the page's catalog that emails say too (``V_``)."""
    return {
        *(text for _file, text in _marked("V_")),
        *HEADLINES.values(),
        *MILESTONES.values(),
        *(action.buyer for action in ACTIONS.values()),
    }


def test_the_template_has_exactly_the_strings_the_code_marks() -> None:
    marked = {text for _file, text in _marked("T_")}
    template = _ids(_catalog(NOTIFICATIONS))
    assert len(marked) > 60
    assert sorted(marked - template) == []  # used but never extracted: run pybabel extract
    assert sorted(template - marked) == []  # extracted but no longer used


def test_every_shipped_language_has_a_notifications_catalog() -> None:
    assert len(TRANSLATED) == 10
    for locale in TRANSLATED:
        assert (LOCALES / locale / "LC_MESSAGES" / f"{NOTIFICATIONS}.po").is_file(), locale


@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_msgid_is_translated_and_not_fuzzy(locale: str) -> None:
    template = _catalog(NOTIFICATIONS)
    catalog = _catalog(NOTIFICATIONS, locale)
    assert not catalog.fuzzy, "the header is marked fuzzy"
    missing = sorted(_ids(template) - _ids(catalog))
    stale = sorted(_ids(catalog) - _ids(template))
    empty = sorted(
        _msgid(m)
        for m in catalog
        if m.id
        and not all(s.strip() for s in ([m.string] if isinstance(m.string, str) else m.string))
    )
    fuzzy = sorted(_msgid(m) for m in catalog if m.id and m.fuzzy)
    assert (missing, stale, empty, fuzzy) == ([], [], [], [])


@pytest.mark.parametrize("locale", TRANSLATED)
def test_placeholders_are_the_msgids_own(locale: str) -> None:
    wrong = []
    for message in _catalog(NOTIFICATIONS, locale):
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            # A plural form may leave the count out ("one update"); nothing else may differ.
            found = set(PLACEHOLDER.findall(string))
            if not (found == wanted or (len(ids) > 1 and found == wanted - {"num"})):
                wrong.append((ids[0], string))
            if "%" in PLACEHOLDER.sub("", string):
                wrong.append((ids[0], string))  # a stray %: formatting it would fail
    assert wrong == []


@pytest.mark.parametrize("locale", TRANSLATED)
def test_babels_own_checks_pass(locale: str) -> None:
    """Babel's checkers: python-format compatibility and the number of plural forms."""
    catalog = _catalog(NOTIFICATIONS, locale)
    problems = [(_msgid(message), [str(e) for e in errors]) for message, errors in catalog.check()]
    assert problems == []


@pytest.mark.parametrize("locale", TRANSLATED)
def test_the_plural_forms_header_is_cldrs_and_the_pages(locale: str) -> None:
    notifications = _catalog(NOTIFICATIONS, locale)
    rule = get_plural(locale.replace("-", "_"))
    assert notifications.num_plurals == rule.num_plurals
    assert notifications.plural_expr == rule.plural_expr
    assert notifications.plural_forms == _catalog(VOCABULARY, locale).plural_forms


def test_names_reused_from_the_page_exist_there_and_are_translated() -> None:
    reused = _reused()
    assert len(reused) > 40
    assert sorted(reused - _ids(_catalog(VOCABULARY))) == []
    for locale in TRANSLATED:
        catalog = _catalog(VOCABULARY, locale)
        untranslated = sorted(
            text for text in reused if not (catalog.get(text) and catalog.get(text).string)
        )
        assert untranslated == [], locale


def test_no_text_is_in_both_domains() -> None:
    """A text the page's catalog already has is reused from it, not translated twice."""
    assert sorted(_ids(_catalog(NOTIFICATIONS)) & _ids(_catalog(VOCABULARY))) == []


@pytest.mark.parametrize("locale", ["fr", "es", "de"])
def test_latin_script_sms_texts_stay_in_the_gsm_alphabet(locale: str) -> None:
    """One character outside GSM-7 halves what an SMS can hold (70 characters, not 160)."""
    sms = {text for filename, text in _marked("T_") if filename.endswith("sms.py")}
    assert all(is_gsm7(text) for text in sms)  # the English ones too
    catalog = _catalog(NOTIFICATIONS, locale)
    outside = sorted(
        str(catalog[text].string) for text in sms if not is_gsm7(str(catalog[text].string))
    )
    assert outside == []


def test_traditional_and_simplified_chinese_each_keep_their_script() -> None:
    for domain, reused in ((NOTIFICATIONS, None), (VOCABULARY, _reused())):
        hant, hans = _catalog(domain, "zh-Hant"), _catalog(domain, "zh-Hans")
        for catalog, foreign in ((hant, SIMPLIFIED_ONLY), (hans, TRADITIONAL_ONLY)):
            texts = [str(m.string) for m in catalog if m.id and (reused is None or m.id in reused)]
            assert len(texts) > 20
            mixed = [text for text in texts if any(char in foreign for char in text)]
            assert mixed == [], (domain, catalog.locale_identifier)


def test_the_script_checks_would_see_a_mixed_text() -> None:
    assert any(char in SIMPLIFIED_ONLY for char in "您的订单")
    assert not any(char in SIMPLIFIED_ONLY for char in "您的訂單")
    assert len(SIMPLIFIED_ONLY) == len(TRADITIONAL_ONLY)

"""Thai interface strings: our catalogues win over the themes' missing or wrong Thai entries.

Neither Sphinx 7.4 nor pydata-sphinx-theme ships Thai, and sphinx-book-theme's Thai catalogue
has wrong entries. The ``.po`` files under ``locale/th/LC_MESSAGES`` are compiled at build time
(no binary in git) into the build folder, made the primary translation for their catalogue, and
the ``sphinx`` one is also published as ``translations.js`` for Sphinx's search script.
"""

from __future__ import annotations

import gettext
import io
import json
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from sphinx import locale
from sphinx.application import Sphinx
from sphinx.config import Config

from sop_helpers._files import write_bytes_atomic, write_text_atomic

SOURCE = Path(__file__).parent / "locale"
CATALOGUES = {"sphinx": "general", "booktheme": "general"}


def compiled_dir(app: Sphinx) -> Path:
    """Where the compiled catalogues go: next to the doctrees, inside the build folder."""
    return Path(app.doctreedir).parent / "sop-locale"


def compile_catalogues(source: Path, target: Path, language: str) -> list[str]:
    """Compile each ``<language>/LC_MESSAGES/*.po`` of ``source`` to ``.mo`` (and ``sphinx.js``)."""
    written = []
    out = target / language / "LC_MESSAGES"
    out.mkdir(parents=True, exist_ok=True)
    for po in sorted((source / language / "LC_MESSAGES").glob("*.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        mo = io.BytesIO()
        write_mo(mo, catalog)
        write_bytes_atomic(out / f"{po.stem}.mo", mo.getvalue())
        if po.stem == "sphinx":
            messages = {m.id: m.string for m in catalog if m.id and m.string}
            payload = {"messages": messages, "plural_expr": "0", "locale": language}
            write_text_atomic(
                out / "sphinx.js",
                f"Documentation.addTranslations({json.dumps(payload, ensure_ascii=False)});\n",
            )
        written.append(po.stem)
    return written


def _install(app: Sphinx) -> None:
    language = app.config.language
    if not language or not (SOURCE / language).is_dir():
        return
    target = compiled_dir(app)
    for name in compile_catalogues(SOURCE, target, language):
        namespace = CATALOGUES.get(name, "general")
        ours = gettext.translation(name, localedir=str(target), languages=[language])
        existing = locale.translators.get((namespace, name))
        if existing is not None and existing.__class__ is not gettext.NullTranslations:
            ours.add_fallback(existing)
        locale.translators[(namespace, name)] = ours
        if name == "sphinx":
            app.translator = ours


def _config_inited(app: Sphinx, config: Config) -> None:
    # Sphinx looks up translations.js (sphinx.js) in locale_dirs when the HTML builder starts.
    target = str(compiled_dir(app))
    if target not in config.locale_dirs:
        config.locale_dirs = [*config.locale_dirs, target]


def _builder_inited(app: Sphinx) -> None:
    # Themes register their catalogues while the builder starts; install ours on top again.
    _install(app)
    templates = getattr(app.builder, "templates", None)
    environment = getattr(templates, "environment", None)
    if environment is not None:
        environment.install_gettext_translations(app.translator)


def setup(app: Sphinx) -> dict[str, Any]:
    _install(app)
    app.connect("config-inited", _config_inited)
    app.connect("builder-inited", _builder_inited, priority=900)
    return {}

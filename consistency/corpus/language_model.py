"""py3langid's model, decompressed once per machine instead of once per process.

The model ships LZMA-compressed (68 MB of tables in 4 MB): decompressing it was most of
the 0.7 s of CPU that an article the stop words cannot settle (a short brief in German or
Spanish) added to a run. The decompressed file is kept in the cache folder
(`table_cache.derived_file`) and read as py3langid reads its own, into the same arrays. It is
a zip whose members carry a CRC that is checked as they are read: a damaged file raises,
is removed, and the model is read from its own file again, never trusted.
"""

from __future__ import annotations

import lzma
import shutil
import zipfile
from pathlib import Path
from typing import Any

from consistency import table_cache


def identifier() -> Any:
    """py3langid's identifier with normalised probabilities, from the decompressed cache."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    source = Path(MODEL_FILE) if Path(MODEL_FILE).is_absolute() else Path(MODEL_DIR) / MODEL_FILE
    cached = table_cache.derived_file("langid", ".npz", source, lambda tmp: _decompress(source, tmp))
    if cached is not None:
        try:
            return _read(cached)
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
            cached.unlink(missing_ok=True)  # damaged: the next run writes it again
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _decompress(source: Path, target: Path) -> None:
    with lzma.open(source) as src, target.open("wb") as out:
        shutil.copyfileobj(src, out, length=1 << 20)


def _read(file: Path) -> Any:
    """What `LanguageIdentifier.from_model_file` builds, from the uncompressed file
    (py3langid 0.4's `modelio.load_model`, without the decompression)."""
    import numpy as np
    from py3langid import modelio
    from py3langid.langid import LanguageIdentifier

    with np.load(file, allow_pickle=False) as data:
        ptc, pc, classes = data["ptc"], data["pc"], data["classes"].tolist()
        nextmove, row = modelio._to_array(data["nextmove"]), modelio._to_array(data["nextmove_row"])
        output = data["out_feat"].tolist()
    return LanguageIdentifier(np.asarray(ptc), np.asarray(pc), classes, nextmove, output, norm_probs=True, tk_row=row)

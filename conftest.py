"""Settings for every test run (tests, doctests and notebooks): the gazetteer's cache goes to a temporary folder.

The GeoNames index is built once per run there (a few seconds), never in the user's cache folder.
Set ``CONFLICTNEWS_CACHE`` yourself to keep one between runs.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

if not os.environ.get("CONFLICTNEWS_CACHE"):
    _folder = tempfile.mkdtemp(prefix="conflictnews-cache-")
    os.environ["CONFLICTNEWS_CACHE"] = _folder
    atexit.register(shutil.rmtree, _folder, ignore_errors=True)

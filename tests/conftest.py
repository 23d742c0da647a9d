import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

# The whole test session shares one cache folder of its own: the fixtures' folders and the
# user's repositories stay clean, and every test still runs with the cache on, as users do.
if not os.environ.get("GITBOOK_LINT_CACHE_DIR"):
    _SESSION_CACHE = tempfile.mkdtemp(prefix="gitbook-lint-test-cache-")
    os.environ["GITBOOK_LINT_CACHE_DIR"] = _SESSION_CACHE
    atexit.register(shutil.rmtree, _SESSION_CACHE, True)

"""Root conftest: environment first, then the suite's plugins.

TF-MOT works only with Keras 2, so TF_USE_LEGACY_KERAS=1 must be set before anything imports
TensorFlow. Thread limits for this xdist worker are set here too, before any native library
reads them.
"""

import os

os.environ["TF_USE_LEGACY_KERAS"] = "1"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from fixtures.tensorflow_runtime import limit_native_threads  # noqa: E402

limit_native_threads()

# forgetting_claims_options declares the options. Installed (`pip install -e .`), pytest loads it
# from its pytest11 entry point, under this same name, before it reads the command line; pytest
# then skips it here, so it is never registered twice. Not installed, it is loaded here (and path
# options work with `=` only: see README "Options").
pytest_plugins = [
    "forgetting_claims_options",
    "fixtures.run_options",
    "fixtures.verdict",
    "fixtures.claim_fixtures",
]


def pytest_collection_modifyitems(items):
    """Tests marked `starts_first` go first (a stable sort keeps every other order). The
    models' training is shared out model by model between xdist workers, a long machinery
    test is not: started first, it runs on one worker while the others train, instead of
    keeping one worker busy after everything else is done."""
    items.sort(key=lambda item: item.get_closest_marker("starts_first") is None)

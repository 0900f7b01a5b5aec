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


def pytest_configure(config):
    """xdist sends tests one at a time (its `--maxschedchunk=1`, unless given); see below."""
    if getattr(config.option, "maxschedchunk", "absent") is None:
        config.option.maxschedchunk = 1


def pytest_collection_modifyitems(items):
    """Tests marked `starts_first` go first, each followed by one other test (a stable order
    otherwise). The models' training is shared out model by model between xdist workers; a
    long machinery test is not: started first, it runs on one worker while the others train,
    instead of keeping one worker busy after everything else is done. xdist's load scheduler
    starts each worker on a block of consecutive tests (a quarter of its share, or two tests
    with `--maxschedchunk=1`): a block of long tests put every one of them on the first worker,
    one after the other (23 minutes of CI's 24 on one core). Two tests a worker, long ones
    interleaved with others, spread them over the workers."""
    first = [item for item in items if item.get_closest_marker("starts_first") is not None]
    rest = [item for item in items if item.get_closest_marker("starts_first") is None]
    ordered = []
    for index, item in enumerate(first):
        ordered += [item, *rest[index:index + 1]]
    items[:] = ordered + rest[len(first):]

"""The suite's command-line options, as a pytest plugin pytest loads before it picks its rootdir.

pytest chooses its rootdir (and so finds pytest.ini and conftest.py) from the command line's
paths before it reads any conftest. An option it does not know yet turns its value into a path:
`--model-cache /data/cache` made /data/cache a test path, the rootdir moved out of the checkout,
and the run stopped with "unrecognized arguments". Installed with the project (`pip install -e .`
declares this module as a `pytest11` entry point in pyproject.toml), this plugin is loaded before
the command line is read, so both spellings (`--model-cache /data/cache` and
`--model-cache=/data/cache`) work from the checkout and from any other directory.

Knowing the options early is not enough with pytest 9: it picks the rootdir from the command line
parsed with its built-in options only, before any plugin is loaded. `--model-cache /data/cache`
still made /data/cache the rootdir, without pytest.ini (its addopts, markers, pythonpath,
testpaths and xfail_strict silently unused). `pytest_load_initial_conftests` below, which runs
after plugins are loaded and before any conftest, picks the rootdir again from the command line
parsed with every option known, and where that finds another configuration file it uses it, as
pytest would have if the value had been written with `=`.

Without the installation, conftest.py loads this same module (under the same name, so never
twice) and the options work with `=` only.

This module imports nothing from the suite: it may be loaded from an installed copy before the
checkout's `fixtures/` is importable. Values are parsed and checked in fixtures/run_options.py.
"""

from __future__ import annotations

import copy
import sys
from typing import Any

import pytest

#: Choices of --budget (fixtures/experiments.py BUDGETS says what each one trains).
BUDGET_CHOICES = ("full", "smoke")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("repro", "forgetting-claims reproduction")
    group.addoption("--experiments", default="all",
                    help="comma-separated experiments to run, or 'all' (default); an unknown name lists the choices")
    group.addoption("--sparsities", default=None,
                    help="comma-separated sparsity levels in [0, 1) "
                         "(default: 0,0.3,0.5,0.7,0.9,0.99; under --budget=smoke 0,0.9); "
                         "0 is the dense baseline and is always trained")
    group.addoption("--population", default=None,
                    help="models per sparsity level, M >= 2 (default: 10, under --budget=smoke 2; the papers used 30)")
    group.addoption("--replicate", default=None,
                    help="draw every population from seed block K (default 0): an independent replicate of the "
                         "whole experiment, to see which outcomes another draw of seeds keeps")
    group.addoption("--budget", default="full", choices=BUDGET_CHOICES,
                    help="training budget of the full-tier experiments: 'full' (default), each experiment's declared "
                         "budget; 'smoke', a small fixed subset of the data for a fraction of the budget, to check a "
                         "set-up in minutes (its verdict is labelled smoke and is no reproduction)")
    group.addoption("--model-cache", default=None,
                    help="directory of trained models (default: $REPRO_MODEL_CACHE or <rootdir>/.model-cache)")
    group.addoption("--report-dir", default="reports",
                    help="where verdict.json, verdict.md and figures/ are written (default: %(default)s)")
    group.addoption("--rebuild-models", action="store_true", default=False,
                    help="retrain every model the selected tests need (once per run, whatever -n)")
    group.addoption("--celeba-dir", default=None,
                    help="real CelebA directory, official or Kaggle layout (default: $CELEBA_DIR, read only when "
                         "a selected experiment reads real CelebA)")
    group.addoption("--wandb", action="store_true", default=False,
                    help="log each training to Weights & Biases (offline unless WANDB_MODE says otherwise; "
                         "needs `pip install -e .[wandb]`; never needed for a verdict)")
    group.addoption("--imagenet-weights", default=None,
                    help="ImageNet 'notop' InceptionV3 weights file (.h5; never downloaded): needed by "
                         "celeba-inception-v3-keras-study, optional for celeba-inception-v3 (default: none, random "
                         "initialisation)")
    group.addoption("--mixed-precision", action="store_true", default=False,
                    help="train the full-tier experiments (InceptionV3, ResNet-18) with Keras mixed precision "
                         "(float16 compute, float32 weights and logits, loss scaling); for GPUs with tensor cores "
                         "(slower on CPU). Other models than float32 ones: cached float32 models are not reused")
    group.addoption("--list-claims", action="store_true", default=False,
                    help="print every claim (id, statement, source, file) of the collected claim files and exit "
                         "without running tests (collects in this process, whatever -n)")


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: pytest.Config, parser: pytest.Parser, args: list[str]) -> None:
    """Pick the rootdir again now that every option is known (see the module docstring).

    Does nothing when the command line names a configuration file (`-c`) or a rootdir
    (`--rootdir`), or when the choice does not change. Otherwise it does what pytest does with
    a configuration file it found: its `addopts` go before the command line's arguments (and
    their `-p` plugin arguments take effect), its `pythonpath` goes on sys.path, and conftests
    are looked for up to its folder. Uses pytest's own `determine_setup` and four attributes
    pytest keeps private (`_rootpath`, `_inipath`, `_inicfg`, `_inicache`); if a pytest
    release renames them, the run stops with a usage error that says to write the path options
    with `=`.
    """
    from _pytest.config.findpaths import determine_setup

    known = parser.parse_known_args(args, namespace=copy.copy(early_config.option))
    if known.inifilename or known.rootdir:
        return
    rootpath, inipath, inicfg, _ = determine_setup(
        inifile=None, override_ini=known.override_ini, args=known.file_or_dir, rootdir_cmd_arg=None,
        invocation_dir=early_config.invocation_params.dir,
    )
    if (rootpath, inipath) == (early_config.rootpath, early_config.inipath) or inipath is None:
        return
    try:
        _adopt_config_file(early_config, parser, args, rootpath, inipath, inicfg)
    except AttributeError:
        raise pytest.UsageError(
            f"pytest took a path option's value for a test path and chose rootdir {early_config.rootpath} "
            f"instead of {rootpath}; write path options with '=' (e.g. --model-cache=/data/cache)") from None


def _adopt_config_file(config: pytest.Config, parser: pytest.Parser, args: list[str], rootpath: Any, inipath: Any,
                       inicfg: Any) -> None:
    """Make `inipath` (in `rootpath`) the run's configuration file, as pytest does when it finds one."""
    unused_confcutdir = config.known_args_namespace.confcutdir == str(config.inipath.parent if config.inipath
                                                                      else config.rootpath)
    config._rootpath, config._inipath, config._inicfg = rootpath, inipath, inicfg
    config._inicache.clear()
    parser.extra_info["rootdir"], parser.extra_info["inifile"] = str(rootpath), str(inipath)
    addopts = list(config.getini("addopts"))
    args[:] = addopts + args
    config.pluginmanager.consider_preparse(addopts, exclude_only=False)
    for path in reversed(config.getini("pythonpath")):  # removed again by pytest's own cleanup
        sys.path.insert(0, str(path))
    config.known_args_namespace = parser.parse_known_args(args, namespace=copy.copy(config.option))
    if unused_confcutdir:
        config.known_args_namespace.confcutdir = str(inipath.parent)

# Quick start: `make run` opens the app, `make test` runs every test headless.
# Both set up .venv first (and, on Debian/Ubuntu as root, the system libraries Qt needs).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# What Qt's xcb platform needs on an X11 desktop, beyond what offscreen tests need.
XCB_DEBS := libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
	libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0

.PHONY: run test lint system-deps clean release

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

system-deps:
	EXTRA_DEBS="$(EXTRA_DEBS)" sh scripts/system-deps.sh

run: export EXTRA_DEBS += $(XCB_DEBS)
run: system-deps $(BIN)/.installed
	$(BIN)/planner

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# The slow tests render exports with LibreOffice and read the pages with poppler: a fresh machine
# running only `make test` needs them as much as CI does.
test: export EXTRA_DEBS += libreoffice-writer-nogui poppler-utils
test: system-deps $(BIN)/.installed lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .mypy_cache

# `make release`: the one-folder PyInstaller app packed for this platform into dist/
# (Linux: proposal-planner-<version>-linux-<arch>.tar.gz with a .desktop file and the icon).
# The xcb libraries are installed so that the bundle carries them (X11 desktops lack some).
release: export EXTRA_DEBS += binutils $(XCB_DEBS)
release: system-deps $(BIN)/.release-installed
	$(BIN)/python scripts/release.py --dist dist

$(BIN)/.release-installed: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[release]'
	touch $@

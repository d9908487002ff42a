# Two commands: `make run` starts Cramproof, `make test` runs every check CI runs.
# Both create the virtual environment in .venv on first use and reinstall when pyproject.toml changes.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
ARGS ?=

.PHONY: run test bench dist install-desktop clean

run: $(VENV)/.installed-app
	$(PY) -m desktop $(ARGS)

test: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) -m pytest $(ARGS)

bench: $(VENV)/.installed-test
	$(PY) -m bench $(ARGS)

# `make screenshots` regenerates packaging/screenshots/ from the real program under Xvfb
# (needs xvfb, xdotool and imagemagick; pulseaudio for the gym screenshot's sound line).
.PHONY: screenshots
screenshots: $(VENV)/.installed-test
	$(PY) packaging/screenshots.py packaging/screenshots

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Cramproof needs Python 3.11 or newer (found $$($(PYTHON) --version))."; exit 1; }
	@$(PYTHON) -m venv $(VENV) || \
		{ echo "Could not create a virtual environment. On Debian/Ubuntu: sudo apt install python3-venv"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed-app: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.installed-app

# `make dist` builds the self-contained folder dist/cramproof/ (run dist/cramproof/cramproof).
# PyInstaller is a build tool, not a runtime dependency: it goes into .venv only when asked for.
PYINSTALLER ?= pyinstaller>=6.11,<7
DIST_DIR ?= dist
BUILD_DIR ?= build/pyinstaller

dist: $(VENV)/.installed-app $(VENV)/.installed-pyinstaller
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN \
		--distpath $(DIST_DIR) --workpath $(BUILD_DIR) packaging/cramproof.spec

$(VENV)/.installed-pyinstaller: | $(VENV)/bin/python
	$(PY) -m pip install --quiet '$(PYINSTALLER)'
	@touch $@

# `make install-desktop` adds Cramproof to this user's application menu (XDG_DATA_HOME, default
# ~/.local/share), launching the bundle in $(DIST_DIR) if built, otherwise .venv/bin/cramproof.
install-desktop: $(VENV)/.installed-app
	$(PY) packaging/install_desktop.py --bundle $(DIST_DIR)/cramproof/cramproof \
		--venv-command $(VENV)/bin/cramproof

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache

# Set-up and everyday commands. `make run` and `make test` work on a fresh machine.
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: all deps build run test golden format clean

all: build

deps:
	scripts/install-deps

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j$(JOBS)

run: build
	$(BUILD)/teikit run corpus -o out --to html,text,json,csv,dc,cmif

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)

# Rewrites the golden files from the current output; review `git diff tests/golden`.
golden: build
	UPDATE_GOLDEN=1 $(BUILD)/tests/teikit_tests --gtest_filter='Corpus.OutputMatchesGoldenFiles'

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD) out

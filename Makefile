# The two README commands: `make run` (the wizard) and `make test` (every test).
SWIFT ?= swift
.PHONY: run test build release bench setup clean

setup:
	@bash scripts/setup.sh

release: setup
	@bash scripts/build-release.sh

build: setup
	$(SWIFT) build

# Opens the wizard (on the built-in demo account when no AWS credentials are found).
run: release
	@./.build/release/ecsrole $(ARGS)

# Every test: unit, snapshot, moto-backed AWS, cfn-lint and real-terminal (tmux) tests run by `swift test`.
test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: setup
	@bash scripts/bench.sh

clean:
	rm -rf .build

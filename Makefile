# devrun — the entry points.  See README.md.
#   make build   set up (scripts/bootstrap) and build into build/bin/
#   make test    set up, build, and run every test (what CI runs)
#   make demo    set up, build, and run the bundled example
#   make asan    build with AddressSanitizer/UBSan into build-asan/ and run the C tests there
JOBS ?= $(shell nproc)
BUILD ?= build

.PHONY: all bootstrap build test demo asan bench clean fmt
all: build

bootstrap:
	@bash scripts/bootstrap

build: bootstrap
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

asan: bootstrap
	@cmake -S . -B build-asan -DDEVRUN_SANITIZE=ON -DDEVRUN_RUNTIME=OFF -DCMAKE_BUILD_TYPE=Debug >/dev/null
	@cmake --build build-asan -j$(JOBS)
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j$(JOBS) -LE "js|runtime|noasan"

test: build asan
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

demo: build
	@bash scripts/demo

bench: build
	@bash bench/run

fmt:
	@clang-format -i $$(git ls-files '*.c' '*.h' '*.cc')

clean:
	rm -rf build build-asan

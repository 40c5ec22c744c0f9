# SPDX-License-Identifier: MIT
# wos-pipes-c — see README.md. `make test` runs everything; `make demo` shows it.
ifeq ($(origin CC),default)
CC := gcc
endif
BUILD   ?= build
VARIANT ?= plain
PYTHON  ?= python3

WARN := -std=c99 -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Werror
ifeq ($(VARIANT),asan)
OUT    := $(BUILD)/asan
VFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
else ifeq ($(VARIANT),cov)
OUT    := $(BUILD)/cov
VFLAGS := -O0 -g --coverage
else
OUT    := $(BUILD)
VFLAGS := -O2 -g
endif

# jsmn is staged out of /usr/include so that no host include directory
# leaks into a cross build; -isystem keeps its warnings out of -Werror.
STAGE     := $(BUILD)/stage
JSMN_HDR  ?= /usr/include/jsmn.h
# MBEDTLS_PREFIX: an mbedTLS install (include/, lib/ with static libraries)
# used instead of the system's; the TLS lanes below set it. Its headers
# come before /usr/include, which may hold Debian's 2.28.
MBEDTLS_PREFIX ?=
MBEDTLS_INC    := $(if $(MBEDTLS_PREFIX),-isystem $(MBEDTLS_PREFIX)/include)
# A lane records system headers too (-MD): scripts/check_lane_headers.sh reads
# them to prove every mbedTLS header came from MBEDTLS_PREFIX.
DEPFLAGS       := $(if $(MBEDTLS_PREFIX),-MD,-MMD)
INCS      := -Iinclude -Iport/posix -Iport/mbedtls -Iport/proxy $(MBEDTLS_INC) -isystem $(STAGE)
CFLAGS_ALL = $(WARN) $(VFLAGS) $(INCS) $(CFLAGS)

# The source list is wospipesFilePaths.cmake's, shared with CMake, ESP-IDF,
# Zephyr and PlatformIO: its "set(WOSPIPES_<PART>_PATTERNS ...)" lines.
wos_patterns = $(shell sed -n 's/^set(WOSPIPES_$(1)_PATTERNS \(.*\))$$/\1/p' wospipesFilePaths.cmake)
CORE_SRC := $(sort $(wildcard $(call wos_patterns,CORE)))
PORT_SRC := $(sort $(wildcard $(call wos_patterns,POSIX) $(call wos_patterns,MBEDTLS)))
# port/proxy (CONNECT transport over any transport) goes into the port
# library here; CMake makes it wospipes::proxy.
PROXY_SRC := $(sort $(wildcard $(call wos_patterns,PROXY)))
PROXY_OBJ := $(PROXY_SRC:%.c=$(OUT)/obj/%.o)
$(if $(CORE_SRC),,$(error no sources from wospipesFilePaths.cmake's WOSPIPES_CORE_PATTERNS))
CORE_OBJ := $(CORE_SRC:%.c=$(OUT)/obj/%.o)
PORT_OBJ := $(PORT_SRC:%.c=$(OUT)/obj/%.o)
LIB      := $(OUT)/libwospipes.a
PORTLIB  := $(OUT)/libwospipes_port.a

# mbedTLS is linked statically so tests can count its heap with --wrap.
# (4.x installs libmbedcrypto.a as a copy of libtfpsacrypto.a: one line fits all;
# Debian's 3.6 is built with MBEDTLS_THREADING_PTHREAD.)
MBEDTLS_LIBS := $(if $(MBEDTLS_PREFIX),-L$(MBEDTLS_PREFIX)/lib) \
                -Wl,-Bstatic -lmbedtls -lmbedx509 -lmbedcrypto -Wl,-Bdynamic -lpthread

UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(OUT)/tests/unit/%)
PORT_TEST_SRC := $(sort $(wildcard tests/port/test_*.c))
PORT_TEST_BIN := $(PORT_TEST_SRC:tests/port/%.c=$(OUT)/tests/port/%)
PORT_TEST_SUPPORT := $(sort $(wildcard tests/port/support_*.c))
PORT_TEST_LDFLAGS := -Wl,--wrap=calloc,--wrap=free
PORT_TEST_CERTS   := $(BUILD)/certs

.PHONY: all lib port deps test unit-tests port-tests run-unit run-port \
        clang-check size symcheck check-selftests emulator-selftest jsmn-compat clean demo bench help \
        coverage
all: lib port

lib: $(LIB)
port: $(PORTLIB)

$(STAGE)/jsmn.h: $(JSMN_HDR)
	@mkdir -p $(@D)
	cp $< $@

$(OUT)/obj/%.o: %.c | $(STAGE)/jsmn.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) $(DEPFLAGS) -MP -c $< -o $@

$(LIB): $(CORE_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(PORTLIB): $(PORT_OBJ) $(PROXY_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(OUT)/tests/unit/%: tests/unit/%.c $(LIB) | $(STAGE)/jsmn.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -Wno-conversion -Itests/unit $< -o $@ $(LIB) -lcmocka

$(OUT)/tests/port/%: tests/port/%.c $(PORT_TEST_SUPPORT) $(PORTLIB) $(LIB) | $(STAGE)/jsmn.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -Wno-conversion -Itests/port $< $(PORT_TEST_SUPPORT) -o $@ \
	    $(PORTLIB) $(LIB) $(PORT_TEST_LDFLAGS) $(MBEDTLS_LIBS) -lcmocka

# The response parser's work counter exists in test builds only: its test
# compiles the parser with the counter, ahead of the library's copy.
HTTP_PARSER_SRC := src/http_parser.c src/http_fields.c
$(OUT)/tests/unit/test_http_parser: tests/unit/test_http_parser.c $(HTTP_PARSER_SRC) $(LIB) | $(STAGE)/jsmn.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -Wno-conversion -DWOS_TEST_WORK_COUNT -Itests/unit $< $(HTTP_PARSER_SRC) \
	    -o $@ $(LIB) -lcmocka

# The configuration test sees an application's wos_pipes_config.h.
$(OUT)/tests/unit/test_config: tests/unit/test_config.c tests/unit/config/wos_pipes_config.h $(LIB) | $(STAGE)/jsmn.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -Wno-conversion -Itests/unit/config -Itests/unit $< -o $@ $(LIB) -lcmocka

unit-tests: $(UNIT_BIN)
port-tests: $(PORT_TEST_BIN)

run-unit: unit-tests
	@scripts/run_tests.sh "unit tests ($(VARIANT))" $(BUILD)/results $(UNIT_BIN)
run-port: port-tests
	@tests/certs/make_certs.sh $(PORT_TEST_CERTS)
	@WOS_TEST_CERTS=$(PORT_TEST_CERTS) scripts/run_tests.sh "port tests ($(VARIANT))" $(BUILD)/results $(PORT_TEST_BIN)
$(PORT_TEST_BIN): tests/port/support.h

deps:
	@scripts/deps.sh

# The core must also build warning-free with clang.
clang-check: | $(STAGE)/jsmn.h
	@mkdir -p $(BUILD)/clang
	@for f in $(CORE_SRC) $(PORT_SRC) $(PROXY_SRC); do \
	    clang $(WARN) -O2 $(INCS) -c $$f -o $(BUILD)/clang/$$(echo $$f | tr / _).o || exit 1; \
	done
	@echo "clang: core and port build with -Werror"
	@for cc in $(CC) clang; do \
	    $$cc $(WARN) -O2 $(INCS) -DJSMN_STRICT -DJSMN_PARENT_LINKS -c src/jsmn.c \
	        -o $(BUILD)/clang/jsmn-predefined.o || exit 1; \
	done
	@echo "jsmn: src/jsmn.c builds with JSMN_STRICT/JSMN_PARENT_LINKS already defined"
	@for cc in $(CC) clang; do \
	    for f in tests/bench/bench.c tests/bench/bench_tls.c; do \
	        $$cc $(WARN) -Wno-conversion -O2 $(INCS) -Itests/port -Itests/bench -fsyntax-only $$f || exit 1; \
	    done; \
	done
	@echo "bench: the bench programs build with gcc and clang (make bench is not in make test)"

# Cortex-M4 cross build: size and stack table, and the no-heap symbol check.
ARM_CC    ?= arm-none-eabi-gcc
ARM_FLAGS := -mcpu=cortex-m4 -mthumb -Os -ffreestanding -ffunction-sections -fdata-sections \
             -fstack-usage -fcallgraph-info=su
ARM_OBJ   := $(CORE_SRC:src/%.c=$(BUILD)/arm/%.o)
# Without the cross compiler the Cortex-M goals stop here with the remedy,
# rather than with "not found" from inside a recipe.
ARM_GOALS := $(filter size symcheck $(BUILD)/arm/% $(BUILD)/size/%,$(MAKECMDGOALS))
ARM_CHECK := $(if $(ARM_GOALS),$(if $(shell command -v $(ARM_CC) 2>/dev/null),,\
    $(error $(ARM_CC) not found: install gcc-arm-none-eabi and libnewlib-arm-none-eabi \
    (`make deps` does) or set ARM_CC=/path/to/arm-none-eabi-gcc)))

$(BUILD)/arm/%.o: src/%.c | $(STAGE)/jsmn.h
	@mkdir -p $(@D)
	cd $(@D) && $(ARM_CC) $(WARN) $(ARM_FLAGS) -I$(CURDIR)/include -isystem $(CURDIR)/$(STAGE) \
	    -MMD -MP -MT $@ -MF $(CURDIR)/$(@:.o=.d) -c $(CURDIR)/$< -o $(@F)

# --- size: linked firmware images on three cores ---
# Each core's objects are archived and linked (--gc-sections, a stub port,
# the core's small C library) into two images: "token" (a firmware that
# only fetches tokens, tests/size/fw_token.c) and "all" (every global
# symbol of the library kept with -Wl,-u). size_report.py reads the link
# maps and charges each byte to the library, libc, libgcc or the firmware,
# and follows the call graph of each core's objects for the stack of every
# public call. Budgets: the library part of each image, and 1 KB of stack.
RV_CC        ?= riscv64-unknown-elf-gcc
RV_CHECK := $(if $(filter size $(BUILD)/size/%,$(MAKECMDGOALS)),$(if $(shell command -v $(RV_CC) \
    2>/dev/null),,$(error $(RV_CC) not found: install gcc-riscv64-unknown-elf and \
    picolibc-riscv64-unknown-elf (`make deps` does) or set RV_CC=/path/to/riscv64-unknown-elf-gcc)))
SIZE_CORES   := m4 m0p rv32imc
SIZE_LABEL_m4      := Cortex-M4
SIZE_LABEL_m0p     := Cortex-M0+
SIZE_LABEL_rv32imc := RV32IMC
SIZE_CC_m4         = $(ARM_CC)
SIZE_CC_m0p        = $(ARM_CC)
SIZE_CC_rv32imc    = $(RV_CC)
SIZE_TARGET_m4      := -mcpu=cortex-m4 -mthumb --specs=picolibc.specs
SIZE_TARGET_m0p     := -mcpu=cortex-m0plus -mthumb --specs=picolibc.specs
SIZE_TARGET_rv32imc := -march=rv32imc -mabi=ilp32 --specs=picolibc.specs
# Budgets of the library part, issue 9's: "token" (a firmware that only
# fetches tokens) 10, 11 and 12 KB; "all" (every public function, all 18
# operations of the spec, the token cache and onboarding) 20, 22 and 24 KB.
SIZE_BUDGET_token_m4      := 10240
SIZE_BUDGET_token_m0p     := 11264
SIZE_BUDGET_token_rv32imc := 12288
SIZE_BUDGET_all_m4        := 20480
SIZE_BUDGET_all_m0p       := 22528
SIZE_BUDGET_all_rv32imc   := 24576
SIZE_STACK   := 1024
SIZE_FLAGS   := -Os -ffreestanding -ffunction-sections -fdata-sections -fstack-usage \
                -fcallgraph-info=su
SIZE_LINK    := -Os -nostartfiles -Wl,--gc-sections -Wl,-e,main
SIZE_FW_SRC  := tests/size/stub_port.c
# The engine calls an operation's body encoder and decoder through its
# descriptor: the report follows those calls to every function they can reach.
SIZE_INDIRECT := --indirect wos_http_write=token_line,wos_http_put_line,token_body,table_body \
    --indirect wos_pipes_write=wos_pipes_prepare_token,wos_pipes_prepare_create,wos_pipes_prepare_update,wos_pipes_prepare_list,wos_pipes_prepare_slug,wos_pipes_prepare_spec \
    --indirect wos_client_call=decode_token,decode_integration,decode_list,wos_pipes_dec_gone,decode_create,dec_account_create,$\
dec_authorize,dec_credentials,wos_pipes_dec_account,dec_providers,$\
dec_org_configs,dec_org_config,dec_widget

define size_core
SIZE_OBJ_$(1) := $$(CORE_SRC:src/%.c=$$(BUILD)/size/$(1)/%.o)
$$(BUILD)/size/$(1)/%.o: src/%.c | $$(STAGE)/jsmn.h
	@mkdir -p $$(@D)
	@cd $$(@D) && $$(SIZE_CC_$(1)) $$(WARN) $$(SIZE_TARGET_$(1)) $$(SIZE_FLAGS) -I$$(CURDIR)/include \
	    -isystem $$(CURDIR)/$$(STAGE) -MMD -MP -MT $$@ -MF $$(CURDIR)/$$(@:.o=.d) -c $$(CURDIR)/$$< -o $$(@F)
$$(BUILD)/size/$(1)/libwospipes.a: $$(SIZE_OBJ_$(1))
	@rm -f $$@
	@$$(SIZE_CC_$(1):gcc=ar) rcs $$@ $$^
$$(BUILD)/size/$(1)/%.elf: tests/size/fw_%.c $$(SIZE_FW_SRC) tests/size/stub_port.h $$(BUILD)/size/$(1)/libwospipes.a
	@$$(SIZE_CC_$(1)) $$(WARN) $$(SIZE_TARGET_$(1)) -Iinclude -Itests/size -isystem $$(STAGE) $$(SIZE_LINK) \
	    -Wl,-Map=$$(@:.elf=.map) $$(if $$(filter all,$$*),$$(shell $$(SIZE_CC_$(1):gcc=nm) -g --defined-only \
	    $$(BUILD)/size/$(1)/libwospipes.a | awk '$$$$2 ~ /^[TDRB]$$$$/ { print "-Wl,-u," $$$$3 }')) \
	    $$< $$(SIZE_FW_SRC) $$(BUILD)/size/$(1)/libwospipes.a -o $$@
-include $$(SIZE_OBJ_$(1):.o=.d)
endef
$(foreach c,$(SIZE_CORES),$(eval $(call size_core,$(c))))

SIZE_IMAGES := $(foreach c,$(SIZE_CORES),$(BUILD)/size/$(c)/token.elf $(BUILD)/size/$(c)/all.elf)
# Pay per use: the token image must hold none of the other operations' code.
SIZE_ABSENT  := --absent token=wos_op_create,wos_op_list,wos_op_get,wos_op_update,wos_op_delete,$\
    wos_pipes_decode_list,wos_pipes_decode_integration,table_body,decode_object,$\
    wos_pipes_prepare_create,wos_pipes_prepare_list,wos_pager_advance,put_body,$\
    wos_pipes_prepare_spec,wos_op_authorize,wos_op_credentials,wos_op_account_get,wos_pipes_decode_object,$\
    wos_jw_init,wos_jw_finish,wos_jw_object_begin,wos_jw_string,wos_http_put_line,put_target,$\
    wos_methods,wos_pipes_unconfirmed
# --objdump: the C library's and libgcc's frames are read from the linked
# "all" image (their prologues) and charged where the core calls them.
SIZE_ARGS    = --budget-stack $(SIZE_STACK) $(SIZE_INDIRECT) $(SIZE_ABSENT) $(foreach c,$(SIZE_CORES),--core \
    '$(SIZE_LABEL_$(c))' --objdump $(SIZE_CC_$(c):gcc=objdump) \
    $(foreach i,token all,--map $(i)=$(BUILD)/size/$(c)/$(i).map:$(SIZE_BUDGET_$(i)_$(c))) \
    $(SIZE_OBJ_$(c)))
size: $(SIZE_IMAGES)
	@$(PYTHON) scripts/size_report.py $(SIZE_ARGS)

symcheck: $(ARM_OBJ)
	@scripts/check_symbols.sh $(ARM_CC:gcc=nm) $(ARM_OBJ)

# The checks of the checks: each must fail on a bad fixture.
check-selftests:
	@mkdir -p $(BUILD)
	@ARM_FLAGS='$(ARM_FLAGS)' scripts/test_check_symbols.sh $(ARM_CC) $(BUILD)/symcheck-selftest \
	    >$(BUILD)/symcheck-selftest.log 2>&1; rc=$$?; cat $(BUILD)/symcheck-selftest.log; exit $$rc
	@ARM_FLAGS='$(ARM_FLAGS)' PYTHON=$(PYTHON) scripts/test_size_report.sh $(ARM_CC) \
	    $(BUILD)/size-selftest >$(BUILD)/size-selftest.log 2>&1; rc=$$?; cat $(BUILD)/size-selftest.log; exit $$rc
	@CC=$(CC) scripts/test_coverage_gate.sh $(BUILD)/coverage-selftest >$(BUILD)/coverage-selftest.log 2>&1; \
	    rc=$$?; cat $(BUILD)/coverage-selftest.log; exit $$rc
	@scripts/run_tests.sh --record $(BUILD)/results $(BUILD)/symcheck-selftest.log $(BUILD)/size-selftest.log \
	    $(BUILD)/coverage-selftest.log

# jsmn's upstream numbers its token types as bit flags where Debian's 1.1.0
# counts 1..4; firmware often copies upstream. The reader must not depend on
# the numbering: rerun the unit tests against Debian's header renumbered so.
JSMN_COMPAT := $(BUILD)/jsmn-compat
jsmn-compat:
	@mkdir -p $(JSMN_COMPAT)
	@sed -e 's/JSMN_OBJECT = 1,/JSMN_OBJECT = 1 << 0,/' -e 's/JSMN_ARRAY = 2,/JSMN_ARRAY = 1 << 1,/' \
	    -e 's/JSMN_STRING = 3,/JSMN_STRING = 1 << 2,/' -e 's/JSMN_PRIMITIVE = 4/JSMN_PRIMITIVE = 1 << 3/' \
	    $(JSMN_HDR) >$(JSMN_COMPAT)/jsmn.h
	@grep -q 'JSMN_PRIMITIVE = 1 << 3' $(JSMN_COMPAT)/jsmn.h || { echo "jsmn-compat: header not renumbered"; exit 1; }
	@$(MAKE) --no-print-directory run-unit BUILD=$(JSMN_COMPAT)/build JSMN_HDR=$(JSMN_COMPAT)/jsmn.h \
	    >$(JSMN_COMPAT)/log 2>&1; rc=$$?; tail -n 1 $(JSMN_COMPAT)/log | sed 's/^unit tests/jsmn-compat unit tests/'; exit $$rc
	@scripts/run_tests.sh --record $(BUILD)/results $(JSMN_COMPAT)/log

# The emulator's own tests (python3 standard library).
emulator-selftest:
	@mkdir -p $(BUILD)
	@$(PYTHON) tests/emulator/test_emulator.py >$(BUILD)/emulator-selftest.log 2>&1; rc=$$?; \
	    tail -n 3 $(BUILD)/emulator-selftest.log; exit $$rc
	@scripts/run_tests.sh --record $(BUILD)/results $(BUILD)/emulator-selftest.log

# --- fuzz ---
# libFuzzer targets tests/fuzz/fuzz_<name>.c, each linked with the whole
# core built with the same sanitizers. `make fuzz` explores each target for
# FUZZ_SECONDS (new inputs go to $(BUILD)/fuzz/work/, crashes to
# $(BUILD)/fuzz/artifacts/); `make fuzz-smoke` is the short, deterministic
# run that `make test` counts. Seeds: tests/fuzz/corpus/<target>/; inputs
# that once failed: tests/fuzz/regressions/<target>/ (both read-only).
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 30
FUZZ_RUNS    ?= 5000
FUZZ_FLAGS   := -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined \
                -fno-sanitize-recover=all
FUZZ_DIR     := $(BUILD)/fuzz
FUZZ_SRC     := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_TARGETS ?= $(FUZZ_SRC:tests/fuzz/%.c=%)
FUZZ_BIN     := $(FUZZ_TARGETS:%=$(FUZZ_DIR)/%)
FUZZ_SUPPORT := tests/fuzz/walk.c
FUZZ_OBJ     := $(CORE_SRC:%.c=$(FUZZ_DIR)/obj/%.o)
.SECONDARY: $(FUZZ_OBJ)

$(FUZZ_DIR)/obj/%.o: %.c | $(STAGE)/jsmn.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(WARN) $(FUZZ_FLAGS) $(INCS) -MMD -MP -c $< -o $@

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_SUPPORT) tests/fuzz/walk.h $(FUZZ_OBJ)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(WARN) -Wno-conversion $(FUZZ_FLAGS) $(INCS) -Itests/fuzz $< $(FUZZ_SUPPORT) \
	    $(FUZZ_OBJ) -o $@

.PHONY: fuzz fuzz-smoke fuzz-build
fuzz-build: $(FUZZ_BIN)

fuzz: $(FUZZ_BIN)
	@tests/fuzz/run_fuzz.sh explore $(FUZZ_DIR) $(FUZZ_SECONDS) $(FUZZ_BIN)

fuzz-smoke: $(FUZZ_BIN)
	@tests/fuzz/run_fuzz.sh smoke $(FUZZ_DIR) $(FUZZ_RUNS) $(FUZZ_BIN) >$(FUZZ_DIR)/smoke.log 2>&1; \
	    rc=$$?; cat $(FUZZ_DIR)/smoke.log; \
	    scripts/run_tests.sh --record $(BUILD)/results $(FUZZ_DIR)/smoke.log; exit $$rc

-include $(FUZZ_OBJ:.o=.d)

# --- bench ---
# Instruction counts (callgrind) and stack depth of the hot operations; not
# a test, never part of `make test`. The core is built here with
# BENCH_CC/BENCH_OPT (default: gcc -O2, like the library), one directory
# per choice; DWARF 4 because valgrind 3.19 misreads clang's DWARF 5. See
# tests/bench/README.md.
BENCH_CC  ?= gcc
BENCH_OPT ?= -O2
BENCH_DIR := $(BUILD)/bench/$(notdir $(BENCH_CC))$(subst $(eval) ,,$(BENCH_OPT))
BENCH_OBJ := $(CORE_SRC:%.c=$(BENCH_DIR)/obj/%.o)
.SECONDARY: $(BENCH_OBJ)

$(BENCH_DIR)/obj/%.o: %.c | $(STAGE)/jsmn.h
	@mkdir -p $(@D)
	$(BENCH_CC) $(WARN) $(BENCH_OPT) -gdwarf-4 $(INCS) -MMD -MP -c $< -o $@

$(BENCH_DIR)/bench: tests/bench/bench.c $(BENCH_OBJ)
	@mkdir -p $(@D)
	$(BENCH_CC) $(WARN) -Wno-conversion $(BENCH_OPT) -gdwarf-4 $(INCS) $< $(BENCH_OBJ) -Wl,-z,now -o $@

# bench-core: the core's instruction counts alone (no TLS, no nginx).
.PHONY: bench-core
bench: bench-core
bench-core: $(BENCH_DIR)/bench
	@BENCH_LABEL="x86-64, $(BENCH_CC) $(BENCH_OPT)" tests/bench/run_bench.sh $(BENCH_DIR)/bench $(BENCH_DIR)

-include $(BENCH_OBJ:.o=.d)

# --- mbedTLS lanes ---
# The port, the tool and the port tests built against each mbedTLS a
# firmware may ship: 2.28 is the system's (the suites above); 3.6 LTS comes
# from Debian's trixie suite through a private apt configuration (cached
# under $(BUILD)/third_party); 4.x is built from MBEDTLS4_SRC or from the
# release tarball in ../shared/third_party (skipped, with the reason, when
# neither exists). Each lane has its own build directory and closing line,
# and its counts join the total.
TP_DIR       := $(BUILD)/third_party
MBEDTLS4_SRC ?=
.PHONY: tls-lanes tls-lane
tls-lanes:
	@scripts/mbedtls36_fetch.sh $(TP_DIR)/mbedtls-3.6
	@$(MAKE) --no-print-directory tls-lane LANE=3.6 MBEDTLS_PREFIX=$(CURDIR)/$(TP_DIR)/mbedtls-3.6/prefix
	@rc=0; scripts/mbedtls4_build.sh $(TP_DIR)/mbedtls-4 $(MBEDTLS4_SRC) || rc=$$?; \
	if [ $$rc -eq 3 ]; then echo "mbedtls-4.0 lane: skipped"; exit 0; fi; [ $$rc -eq 0 ] || exit $$rc; \
	$(MAKE) --no-print-directory tls-lane LANE=4.0 MBEDTLS_PREFIX=$(CURDIR)/$(TP_DIR)/mbedtls-4/prefix

# One lane: LANE=NAME MBEDTLS_PREFIX=DIR. Builds with gcc and clang, runs
# the port tests and both end-to-end suites over TLS against the emulator.
LANE_BUILD := $(BUILD)/lane-$(LANE)
tls-lane:
	@test -n "$(MBEDTLS_PREFIX)" || { echo "tls-lane: set MBEDTLS_PREFIX"; exit 2; }
	@mkdir -p $(LANE_BUILD) && rm -f $(LANE_BUILD)/results
	@$(MAKE) --no-print-directory all port-tests BUILD=$(LANE_BUILD) >$(LANE_BUILD)/build.log 2>&1 || \
	    { tail -n 40 $(LANE_BUILD)/build.log; echo "mbedtls-$(LANE): 0 passed, 1 failed"; echo "0 1" >>$(BUILD)/results; exit 1; }
	@scripts/check_lane_headers.sh $(MBEDTLS_PREFIX) $(LANE_BUILD) || \
	    { echo "mbedtls-$(LANE): 0 passed, 1 failed"; echo "0 1" >>$(BUILD)/results; exit 1; }
	@rc=0; \
	$(MAKE) --no-print-directory clang-check BUILD=$(LANE_BUILD) || rc=1; \
	$(MAKE) --no-print-directory run-port e2e BUILD=$(LANE_BUILD) >$(LANE_BUILD)/run.log 2>&1 || rc=1; \
	grep -E ': [0-9]+ passed, [0-9]+ failed' $(LANE_BUILD)/run.log | sed 's/^/  /'; \
	[ $$rc -eq 0 ] || tail -n 60 $(LANE_BUILD)/run.log; \
	[ $$rc -eq 0 ] || echo "0 1" >>$(LANE_BUILD)/results; \
	awk -v l="mbedtls-$(LANE)" '{p+=$$1; f+=$$2} END {printf "%s: %d passed, %d failed\n", l, p, f}' \
	    $(LANE_BUILD)/results; \
	cat $(LANE_BUILD)/results >>$(BUILD)/results; exit $$rc

# --- mbedTLS device configuration ---
# port/mbedtls/wos_mbedtls_config_36.h (3.6) and wos_mbedtls_config_40.h +
# wos_crypto_config_40.h (4.0): a TLS 1.2+1.3 client with a static pool.
# tls-devconfig-check builds 3.6 with it (cached in $(TP_DIR)/mbedtls-3.6-dev),
# compiles the port with gcc and clang and links token_fetch against it,
# and compiles the port against the 4.x headers (skipped without them).
.PHONY: tls-devconfig-check
tls-devconfig-check: $(LIB) | $(STAGE)/jsmn.h
	@scripts/check_devconfig.sh $(BUILD)/devconfig $(TP_DIR) $(LIB) $(MBEDTLS4_SRC) \
	    >$(BUILD)/devconfig.log 2>&1; rc=$$?; cat $(BUILD)/devconfig.log; \
	    scripts/run_tests.sh --record $(BUILD)/results $(BUILD)/devconfig.log; exit $$rc

# --- TLS bench (part of `make bench`) ---
# What a token fetch costs over the mbedTLS port: pool peak per phase and
# client CPU per handshake, for 2.28, 3.6 (Debian's and the device
# configuration) and 4.0, against nginx on 127.0.0.1, next to libcurl.
# First run builds the libraries (cached). See tests/bench/README.md.
TLS_BENCH_N ?= 200
.PHONY: bench-tls
bench: bench-tls
bench-tls: | $(STAGE)/jsmn.h
	@scripts/deps.sh --bench
	@tests/bench/tls_bench.sh $(BUILD)/bench/tls $(TP_DIR) $(STAGE) $(TLS_BENCH_N) $(MBEDTLS4_SRC)

# --- coverage ---
# Branch coverage of src/ by the unit tests (gcov, read by gcovr), gated
# at COV_GATE percent of the branches. The unit tests are built by their
# usual rules as VARIANT=cov (-O0, so that the branches are the source's,
# and --coverage); gcovr reads every object of the build, a test's own
# build of a core file included. `make test` runs it last: its line closes the run, just
# before the total, and it counts as one test.
COV_GATE ?= 95
.PHONY: coverage-run
coverage:
	@$(MAKE) --no-print-directory coverage-run VARIANT=cov

coverage-run: unit-tests
	@find $(OUT) -name '*.gcda' -delete
	@scripts/run_tests.sh "unit tests (coverage)" $(OUT)/unit-results $(UNIT_BIN) >$(OUT)/unit.log 2>&1 || \
	    { cat $(OUT)/unit.log; exit 1; }
	@scripts/coverage_gate.sh $(COV_GATE) $(OUT) >$(OUT)/gate.log 2>&1; rc=$$?; \
	    cat $(OUT)/gate.log; if [ $$rc -eq 0 ]; then echo "1 0"; else echo "0 1"; fi >>$(BUILD)/results; \
	    exit $$rc

test: deps
	@rm -f $(BUILD)/results
	@$(MAKE) --no-print-directory all run-unit run-port VARIANT=plain
	@$(MAKE) --no-print-directory run-unit run-port VARIANT=asan
	@$(MAKE) --no-print-directory clang-check jsmn-compat
	@$(MAKE) --no-print-directory size symcheck check-selftests
	@$(MAKE) --no-print-directory qemu-m4
	@$(MAKE) --no-print-directory emulator-selftest
	@$(MAKE) --no-print-directory run-cli-usage e2e fuzz-smoke
	@$(MAKE) --no-print-directory lwip cli-proxy cli-ipv6
	@$(MAKE) --no-print-directory coverage
	@$(MAKE) --no-print-directory packaging-tests
	@$(MAKE) --no-print-directory tls-lanes tls-devconfig-check
	@scripts/run_tests.sh --summary $(BUILD)/results

clean:
	rm -rf $(BUILD)

help:
	@echo "make            build $(LIB), the port library and the tools"
	@echo "make demo       install missing packages, run a session against the local emulator"
	@echo "make test       install missing packages, run every test"
	@echo "make deps       check the Debian packages; install the missing ones as root"
	@echo "make run-unit   unit tests (VARIANT=asan: with ASan and UBSan)"
	@echo "make run-port   TCP and TLS transport tests on 127.0.0.1"
	@echo "make e2e        the tool and the library against the emulator over HTTPS"
	@echo "make clang-check  core and ports with clang -Werror"
	@echo "make tls-lanes  the port, tool and TLS tests against mbedTLS 3.6 and 4.x (MBEDTLS4_SRC=DIR)"
	@echo "make tls-lane LANE=NAME MBEDTLS_PREFIX=DIR   one such lane, any mbedTLS install"
	@echo "make tls-devconfig-check  the device mbedTLS configurations (port/mbedtls/wos_*config_*.h) build with the port"
	@echo "make size       linked sizes and stacks on Cortex-M4, M0+, RV32IMC (fails over budget)"
	@echo "make symcheck   Cortex-M4 objects call no heap, stdio, strto*, time or float helpers"
	@echo "make fuzz       libFuzzer, FUZZ_SECONDS (30) per target"
	@echo "make bench      instruction counts and stack per operation (callgrind); TLS pool and CPU (bench-tls)"
	@echo "make qemu-m4    unit suites on a Cortex-M4 (qemu-system-arm mps2-an386)"
	@echo "make lwip       port/lwip + TLS on lwIP over a TAP device in a private network namespace"
	@echo "make cli-proxy  the tool through a loopback CONNECT proxy (HTTPS_PROXY, NO_PROXY)"
	@echo "make cli-ipv6   the tool at https://[::1]:PORT (skipped without IPv6 loopback)"
	@echo "make cross      unit, port and e2e suites on armhf and s390x under qemu-user"
	@echo "make docs       API documentation into $(BUILD)/docs/html (warnings are errors)"
	@echo "make install PREFIX=DIR  headers, libraries, CMake package and wospipes.pc"
	@echo "make coverage   branch coverage of src/ by the unit tests, gated at $(COV_GATE) %"
	@echo "make clean      remove $(BUILD)/"

-include $(CORE_OBJ:.o=.d) $(PORT_OBJ:.o=.d) $(ARM_OBJ:.o=.d) $(PROXY_OBJ:.o=.d)

# --- examples ---
# build/wos-pipes (the command-line tool) and build/token_fetch (the
# minimal token fetch quoted in the README), on the core and port libraries.
CLI_SRC := $(sort $(wildcard examples/wos_pipes/*.c))
CLI_OBJ := $(CLI_SRC:%.c=$(OUT)/obj/%.o)
CLI_BIN := $(OUT)/wos-pipes
TOKEN_FETCH_BIN := $(OUT)/token_fetch
DEVICE_CONNECT_BIN := $(OUT)/device_connect

.PHONY: examples run-cli-usage
all: examples
examples: $(CLI_BIN) $(TOKEN_FETCH_BIN) $(DEVICE_CONNECT_BIN)

$(CLI_BIN): $(CLI_OBJ) $(PORTLIB) $(LIB)
	$(CC) $(CFLAGS_ALL) $(CLI_OBJ) -o $@ $(PORTLIB) $(LIB) $(MBEDTLS_LIBS) -lqrencode

$(TOKEN_FETCH_BIN): $(OUT)/obj/examples/token_fetch.o $(PORTLIB) $(LIB)
	$(CC) $(CFLAGS_ALL) $< -o $@ $(PORTLIB) $(LIB) $(MBEDTLS_LIBS)

$(DEVICE_CONNECT_BIN): $(OUT)/obj/examples/device_connect.o $(PORTLIB) $(LIB)
	$(CC) $(CFLAGS_ALL) $< -o $@ $(PORTLIB) $(LIB) $(MBEDTLS_LIBS)

# Usage and exit codes of the tool; needs no server.
run-cli-usage: $(CLI_BIN)
	@tests/e2e/test_cli_usage.sh $(CLI_BIN) >$(OUT)/cli-usage.log 2>&1; rc=$$?; \
	    tail -n 1 $(OUT)/cli-usage.log; exit $$rc
	@scripts/run_tests.sh --record $(BUILD)/results $(OUT)/cli-usage.log

-include $(CLI_OBJ:.o=.d) $(OUT)/obj/examples/token_fetch.d $(OUT)/obj/examples/device_connect.d

# --- e2e ---
# End-to-end tests over real HTTPS against the Pipes emulator on 127.0.0.1:
# the wos-pipes tool (python3 runner) and the library itself (cmocka, with
# the mbedTLS heap counted by tests/port/support_heap.c). Each runner starts
# its own emulator and stops it on every exit path. Both runners always run;
# their counts go to $(BUILD)/results.
E2E_BIN   := $(OUT)/tests/e2e/test_e2e_client
E2E_CERTS := $(BUILD)/certs
E2E_LOG   := $(OUT)/e2e-cli.log

.PHONY: e2e
$(E2E_BIN): tests/e2e/test_e2e_client.c tests/port/support_heap.c tests/port/support.h \
            $(PORTLIB) $(LIB) | $(STAGE)/jsmn.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -Wno-conversion -Itests/port $< tests/port/support_heap.c -o $@ \
	    $(PORTLIB) $(LIB) $(PORT_TEST_LDFLAGS) $(MBEDTLS_LIBS) -lcmocka -lpthread

e2e: all $(E2E_BIN)
	@tests/certs/make_certs.sh $(E2E_CERTS)
	@rc=0; export WOS_E2E_BUILD=$(BUILD); \
	$(PYTHON) tests/e2e/test_cli_e2e.py --bin $(OUT)/wos-pipes >$(E2E_LOG) 2>&1 || rc=1; \
	if [ $$rc -ne 0 ]; then cat $(E2E_LOG); else tail -n 1 $(E2E_LOG); fi; \
	if tail -n 1 $(E2E_LOG) | grep -q '^cli e2e: [0-9]* passed'; then \
	    scripts/run_tests.sh --record $(BUILD)/results $(E2E_LOG); \
	else echo "0 1" >>$(BUILD)/results; fi; \
	$(PYTHON) tests/e2e/with_emulator.py scripts/run_tests.sh "e2e client ($(VARIANT))" \
	    $(BUILD)/results $(E2E_BIN); rc2=$$?; \
	if [ $$rc2 -eq 125 ]; then echo "0 1" >>$(BUILD)/results; fi; \
	[ $$rc -eq 0 ] && [ $$rc2 -eq 0 ]

# --- demo ---
# The README's first command: builds everything, starts the emulator on a
# free loopback port and runs a short scripted session with the tool.
demo: deps all
	@scripts/demo.sh $(OUT)/wos-pipes $(BUILD)

# --- cross-architecture lanes ---
# The unit, port and e2e suites built with Debian's cross compilers and run
# under qemu-user: armhf (32-bit little-endian) and s390x (64-bit
# big-endian). Not part of `make test` (a few minutes); .ci/run calls
# `make cross` after it. cmocka and mbedTLS for each architecture come from
# scripts/cross_sysroot.sh (private apt configuration, unpacked under
# $(BUILD)/cross/ARCH/sysroot); libc from libc6-dev-ARCH-cross. Each lane
# closes with "cross ARCH: N passed, M failed".
CROSS_ARCHES ?= armhf s390x
cross_triplet = $(if $(filter armhf,$1),arm-linux-gnueabihf,$(if $(filter s390x,$1),s390x-linux-gnu,$(error cross: unknown architecture $1)))
cross_qemu    = $(if $(filter armhf,$1),qemu-arm,qemu-s390x)

.PHONY: cross cross-lane
cross: deps
	@rc=0; for a in $(CROSS_ARCHES); do \
	    $(MAKE) --no-print-directory cross-lane XARCH=$$a || rc=1; done; exit $$rc

XB  = $(BUILD)/cross/$(XARCH)
XSYS = $(CURDIR)/$(XB)/sysroot
XLIB = $(XSYS)/usr/lib/$(call cross_triplet,$(XARCH))
cross-lane:
	@scripts/cross_sysroot.sh $(XARCH) $(XB)/sysroot
	@$(MAKE) --no-print-directory all unit-tests port-tests $(XB)/tests/e2e/test_e2e_client \
	    BUILD=$(XB) VARIANT=plain CC=$(call cross_triplet,$(XARCH))-gcc AR=$(call cross_triplet,$(XARCH))-ar \
	    CFLAGS="-isystem $(XSYS)/usr/include -L$(XLIB) -Wl,-rpath,$(XLIB)" >$(XB)/build.log 2>&1 || \
	    { tail -n 30 $(XB)/build.log; echo "cross $(XARCH): 0 passed, 1 failed"; exit 1; }
	@scripts/cross_lane.sh $(XARCH) $(XB) $(call cross_qemu,$(XARCH)) /usr/$(call cross_triplet,$(XARCH))

# --- Cortex-M4 under QEMU ---
# The unit suites (tests/unit/, unchanged: tests/target/cmocka.h stands in
# for cmocka) linked with the core for a Cortex-M4 (arm-none-eabi-gcc, the
# size-report flags, picolibc), run on qemu-system-arm's mps2-an386 board
# with output and exit status through semihosting. Code in SSRAM (4 MB),
# data, heap (test harness only) and stack in PSRAM (16 MB).
M4_DIR   := $(BUILD)/m4
M4_CC    ?= arm-none-eabi-gcc
M4_SPECS := --specs=picolibc.specs
M4_CFLAGS := $(WARN) $(M4_SPECS) $(filter-out -fstack-usage -fcallgraph-info=su,$(ARM_FLAGS))
M4_LDFLAGS := --oslib=semihost --crt0=semihost -Wl,--gc-sections \
    -Wl,--defsym=__flash=0x0 -Wl,--defsym=__flash_size=0x400000 \
    -Wl,--defsym=__ram=0x21000000 -Wl,--defsym=__ram_size=0x1000000 -Wl,--defsym=__stack_size=0x10000
M4_CORE_OBJ := $(CORE_SRC:src/%.c=$(M4_DIR)/obj/%.o)
M4_UNIT  := $(UNIT_SRC:tests/unit/%.c=$(M4_DIR)/%.elf)
.SECONDARY: $(M4_CORE_OBJ) $(FUZZ_SRC:tests/fuzz/%.c=$(M4_DIR)/corpus_%/corpus.h)

$(M4_DIR)/obj/%.o: src/%.c | $(STAGE)/jsmn.h
	@mkdir -p $(@D)
	$(M4_CC) $(M4_CFLAGS) -Iinclude -isystem $(STAGE) -MMD -MP -c $< -o $@

# An archive, as on the host: a test may link its own build of a module first.
M4_LIB   := $(M4_DIR)/libwospipes.a
$(M4_LIB): $(M4_CORE_OBJ)
	@rm -f $@
	$(M4_CC:gcc=ar) rcs $@ $^

$(M4_DIR)/%.elf: tests/unit/%.c tests/target/cmocka.h $(M4_LIB)
	$(M4_CC) $(M4_CFLAGS) -Wno-conversion -Itests/target -Iinclude -isystem $(STAGE) -Itests/unit \
	    $(M4_UNIT_EXTRA) $< $(M4_LIB) $(M4_LDFLAGS) -o $@
# As on the host: test_config reads the application's config header, and
# test_http_parser links the parser built with its work counter.
$(M4_DIR)/test_config.elf: M4_UNIT_EXTRA := -Itests/unit/config
$(M4_DIR)/test_http_parser.elf: M4_UNIT_EXTRA := -DWOS_TEST_WORK_COUNT $(HTTP_PARSER_SRC)
$(M4_DIR)/test_http_parser.elf: $(HTTP_PARSER_SRC)

# Each fuzz target replays its seeds and regression inputs (hostile
# answers, cut streams, garbage) with its own checks, embedded as arrays.
# gcc, unlike clang (the host's fuzz compiler), warns on (void) of a
# WOS_NODISCARD result, which the harnesses ignore on purpose.
M4_FUZZ  := $(FUZZ_SRC:tests/fuzz/%.c=$(M4_DIR)/replay_%.elf)
$(M4_DIR)/corpus_%/corpus.h: tests/target/embed_corpus.py $(wildcard tests/fuzz/corpus/*/* tests/fuzz/regressions/*/*)
	@mkdir -p $(@D)
	$(PYTHON) tests/target/embed_corpus.py $@ tests/fuzz/corpus/$* tests/fuzz/regressions/$*

$(M4_DIR)/replay_%.elf: tests/fuzz/%.c tests/target/replay_corpus.c $(M4_DIR)/corpus_%/corpus.h \
                        $(FUZZ_SUPPORT) tests/fuzz/walk.h $(M4_CORE_OBJ)
	$(M4_CC) $(M4_CFLAGS) -Wno-conversion -Wno-unused-result -Iinclude -isystem $(STAGE) -Itests/fuzz -I$(M4_DIR)/corpus_$* \
	    $< tests/target/replay_corpus.c $(FUZZ_SUPPORT) $(M4_CORE_OBJ) $(M4_LDFLAGS) -o $@

# Stack of each public call painted on the target, checked against the
# static figures `make size` prints (tests/target/stack_paint.c).
M4_STACK := $(M4_DIR)/stack_paint.elf
$(M4_DIR)/stack_static.h: $(ARM_OBJ) tests/target/static_stack.py scripts/size_report.py
	@mkdir -p $(@D)
	@$(MAKE) --no-print-directory size >$(M4_DIR)/size.txt 2>&1 || true
	$(PYTHON) tests/target/static_stack.py $(M4_DIR)/size.txt >$@

$(M4_STACK): tests/target/stack_paint.c tests/target/cmocka.h tests/unit/fake_port.h \
             $(M4_DIR)/stack_static.h $(M4_CORE_OBJ)
	$(M4_CC) $(M4_CFLAGS) -Wno-conversion -Itests/target -Iinclude -isystem $(STAGE) -Itests/unit \
	    -I$(M4_DIR) $< $(M4_CORE_OBJ) $(M4_LDFLAGS) -o $@

.PHONY: qemu-m4
qemu-m4: $(M4_UNIT) $(M4_FUZZ) $(M4_STACK)
	@WOS_TEST_RUNNER=scripts/qemu_m4.sh scripts/run_tests.sh "qemu-cortex-m4" $(BUILD)/results \
	    $(M4_UNIT) $(M4_FUZZ) $(M4_STACK) >$(M4_DIR)/log 2>&1; rc=$$?; \
	    if [ $$rc -ne 0 ]; then cat $(M4_DIR)/log; else grep '^stack ' $(M4_DIR)/log; tail -n 1 $(M4_DIR)/log; fi; \
	    exit $$rc

-include $(M4_CORE_OBJ:.o=.d)

# --- lwIP ---
# port/lwip/ (lwIP sockets) under the mbedTLS port, against the emulator,
# with Debian's liblwip (2.1.3, unix port) on a TAP device inside a private
# network namespace (tests/lwip/). Skipped, with the reason, when not root.
LWIP_INC  ?= /usr/include/lwip
LWIP_TEST := $(OUT)/tests/lwip/test_lwip
$(LWIP_TEST): tests/lwip/test_lwip.c port/lwip/wos_lwip_tcp.c port/lwip/wos_lwip.h $(PORTLIB) $(LIB) \
              | $(STAGE)/jsmn.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -Wno-conversion -Iport/lwip -isystem $(LWIP_INC) tests/lwip/test_lwip.c \
	    port/lwip/wos_lwip_tcp.c -o $@ $(PORTLIB) $(LIB) $(MBEDTLS_LIBS) -llwip -lcmocka -lpthread

# The DNS path: Debian's liblwip has no DNS client, so the same test is also
# built against lwIP compiled from Debian's lwip source (scripts/lwip_fetch.sh,
# cached under build/) with tests/lwip/dns/lwipopts.h (LWIP_DNS on).
LWIP_SRC_DIR := $(BUILD)/lwip-src
LWIP_DNS_DIR := $(BUILD)/lwip-dns
LWIP_DNS_LIB := $(LWIP_DNS_DIR)/liblwip.a
LWIP_DNS_INC  = -Itests/lwip/dns -isystem $(LWIP_SRC)/src/include -isystem $(LWIP_SRC)/port/include
LWIP_SRC      = $(shell ls -d $(LWIP_SRC_DIR)/src/lwip-* 2>/dev/null | head -n 1)
LWIP_DNS_TEST := $(OUT)/tests/lwip/test_lwip_dns
$(LWIP_SRC_DIR)/.complete:
	@scripts/lwip_fetch.sh $(LWIP_SRC_DIR)
$(LWIP_DNS_LIB): $(LWIP_SRC_DIR)/.complete tests/lwip/dns/lwipopts.h
	@mkdir -p $(LWIP_DNS_DIR)/obj && rm -f $(LWIP_DNS_DIR)/obj/*.o
	@# netdb.c (lwip_getaddrinfo) is not used by port/lwip and needs BSD sockaddr fields.
	@for f in $(LWIP_SRC)/src/core/*.c $(LWIP_SRC)/src/core/ipv4/*.c $(LWIP_SRC)/src/core/ipv6/*.c \
	    $(filter-out %/netdb.c,$(wildcard $(LWIP_SRC)/src/api/*.c)) $(LWIP_SRC)/src/netif/ethernet.c \
	    $(LWIP_SRC)/port/sys_arch.c $(LWIP_SRC)/port/netif/tapif.c; do \
	    $(CC) -O1 -g -w $(LWIP_DNS_INC) -c $$f -o $(LWIP_DNS_DIR)/obj/$$(basename $$f .c).o || exit 1; done
	@ar rcs $@ $(LWIP_DNS_DIR)/obj/*.o
$(LWIP_DNS_TEST): tests/lwip/test_lwip.c port/lwip/wos_lwip_tcp.c port/lwip/wos_lwip.h $(PORTLIB) $(LIB) \
                  $(LWIP_DNS_LIB) | $(STAGE)/jsmn.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -Wno-conversion -Iport/lwip $(LWIP_DNS_INC) tests/lwip/test_lwip.c \
	    port/lwip/wos_lwip_tcp.c -o $@ $(PORTLIB) $(LIB) $(MBEDTLS_LIBS) $(LWIP_DNS_LIB) -lcmocka -lpthread

.PHONY: lwip
lwip: $(LWIP_TEST) $(LWIP_DNS_TEST)
	@# The DNS path also builds with clang.
	@clang $(WARN) -O2 -Iinclude -Iport/lwip $(LWIP_DNS_INC) \
	    -c port/lwip/wos_lwip_tcp.c -o $(OUT)/tests/lwip/wos_lwip_tcp_dns.o
	@tests/certs/make_certs.sh $(BUILD)/certs
	@tests/lwip/run_lwip.sh $(LWIP_TEST) $(BUILD)/results $(LWIP_DNS_TEST) >$(OUT)/lwip.log 2>&1; rc=$$?; \
	    if [ $$rc -ne 0 ]; then cat $(OUT)/lwip.log; else tail -n 1 $(OUT)/lwip.log; fi; exit $$rc

# --- proxy ---
# The tool through a CONNECT proxy on 127.0.0.1 (tests/e2e/connect_proxy.py)
# to the emulator: HTTPS_PROXY, NO_PROXY, Basic credentials, refusals.
# port/proxy itself is tested by tests/port/test_proxy.c (run-port).
.PHONY: cli-proxy
cli-proxy: $(CLI_BIN)
	@tests/certs/make_certs.sh $(BUILD)/certs
	@WOS_E2E_BUILD=$(BUILD) $(PYTHON) tests/e2e/test_cli_proxy.py --bin $(CLI_BIN) >$(OUT)/cli-proxy.log 2>&1; \
	    rc=$$?; if [ $$rc -ne 0 ]; then cat $(OUT)/cli-proxy.log; else tail -n 1 $(OUT)/cli-proxy.log; fi; \
	    if tail -n 1 $(OUT)/cli-proxy.log | grep -q '^cli proxy: [0-9]* passed'; then \
	        scripts/run_tests.sh --record $(BUILD)/results $(OUT)/cli-proxy.log; \
	    else echo "0 1" >>$(BUILD)/results; fi; exit $$rc

# --- IPv6 ---
# The tool at https://[::1]:PORT (and at a name resolving to ::1 only, where
# /etc/hosts has one) against the emulator; skipped with the reason when the
# machine has no IPv6 loopback. URL and Host-header forms: tests/unit.
.PHONY: cli-ipv6
cli-ipv6: $(CLI_BIN)
	@tests/certs/make_certs.sh $(BUILD)/certs
	@WOS_E2E_BUILD=$(BUILD) $(PYTHON) tests/e2e/test_cli_ipv6.py --bin $(CLI_BIN) >$(OUT)/cli-ipv6.log 2>&1; \
	    rc=$$?; if [ $$rc -ne 0 ]; then cat $(OUT)/cli-ipv6.log; else tail -n 1 $(OUT)/cli-ipv6.log; fi; \
	    if tail -n 1 $(OUT)/cli-ipv6.log | grep -q '^cli ipv6: [0-9]* passed'; then \
	        scripts/run_tests.sh --record $(BUILD)/results $(OUT)/cli-ipv6.log; \
	    else echo "0 1" >>$(BUILD)/results; fi; exit $$rc
# --- packaging ---
# Licence lines (scripts/add_spdx.sh adds missing ones; safe to rerun).
.PHONY: spdx-check packaging-tests
spdx-check:
	@mkdir -p $(BUILD)
	@scripts/spdx_check.sh >$(BUILD)/spdx.log 2>&1; rc=$$?; cat $(BUILD)/spdx.log; \
	    scripts/run_tests.sh --record $(BUILD)/results $(BUILD)/spdx.log; exit $$rc
	@scripts/test_spdx.sh $(BUILD)/spdx-selftest >$(BUILD)/spdx-selftest.log 2>&1; rc=$$?; \
	    tail -n 1 $(BUILD)/spdx-selftest.log; scripts/run_tests.sh --record $(BUILD)/results \
	    $(BUILD)/spdx-selftest.log; exit $$rc

# `make install PREFIX=DIR`: headers, the four libraries (core, posix,
# mbedtls, proxy), the CMake package (wospipesConfig.cmake, version file,
# targets) and wospipes.pc, installed
# by the CMake project so that both ways install the same files.
# CMAKE_ARGS passes options (-DWOSPIPES_JSMN_INTERNAL=ON, -DWOSPIPES_<SETTING>=...).
PREFIX     ?= /usr/local
CMAKE_ARGS ?=
.PHONY: install cmake-package-test print-sources
install:
	cmake -S . -B $(BUILD)/cmake-install -DCMAKE_INSTALL_PREFIX=$(PREFIX) \
	    -DCMAKE_BUILD_TYPE=Release $(CMAKE_ARGS)
	cmake --build $(BUILD)/cmake-install -j2
	cmake --install $(BUILD)/cmake-install

# Install to a scratch prefix; three consumers (find_package, pkg-config,
# add_subdirectory) build examples/token_fetch.c and fetch a token from the
# emulator.
cmake-package-test:
	@mkdir -p $(BUILD)
	@tests/packaging/test_cmake_package.sh $(BUILD)/packaging >$(BUILD)/packaging.log 2>&1; rc=$$?; \
	    if [ $$rc -ne 0 ]; then cat $(BUILD)/packaging.log; else tail -n 1 $(BUILD)/packaging.log; fi; \
	    scripts/run_tests.sh --record $(BUILD)/results $(BUILD)/packaging.log; exit $$rc

# The ESP-IDF component, the Zephyr module and their samples through
# recording stand-ins of the two build systems (tests/platforms), against
# mbedTLS 3.6 (fetched as for the tls lanes; STANDIN_MBEDTLS_PREFIX=DIR for
# another), the samples run against the emulator; plus the manifest check.
STANDIN_MBEDTLS_PREFIX ?=
STANDIN_MBEDTLS := $(or $(STANDIN_MBEDTLS_PREFIX),$(CURDIR)/$(BUILD)/third_party/mbedtls-3.6/prefix)
.PHONY: platform-standins
platform-standins: | $(STAGE)/jsmn.h
	@test -n "$(STANDIN_MBEDTLS_PREFIX)" || scripts/mbedtls36_fetch.sh $(BUILD)/third_party/mbedtls-3.6
	@tests/certs/make_certs.sh $(BUILD)/certs
	@tests/platforms/test_standins.sh $(BUILD)/standins $(STANDIN_MBEDTLS) $(CURDIR)/$(STAGE) \
	    >$(BUILD)/standins.log 2>&1; rc=$$?; \
	    if [ $$rc -ne 0 ]; then cat $(BUILD)/standins.log; else tail -n 1 $(BUILD)/standins.log; fi; \
	    scripts/run_tests.sh --record $(BUILD)/results $(BUILD)/standins.log; exit $$rc

# API documentation into $(BUILD)/docs/html (Doxyfile). Fails on any
# Doxygen warning (an undocumented function, parameter or return value),
# on an @param without [in]/[out]/[in,out] or an undocumented callback
# parameter (scripts/check_api_docs.py), and when the @snippet examples
# (examples/api_snippets.c) no longer compile. Public headers: as installed.
DOC_HEADERS = $(filter-out %_internal.h,$(wildcard include/*.h port/posix/*.h port/mbedtls/*.h port/proxy/*.h))
.PHONY: docs
docs: | $(STAGE)/jsmn.h
	@rm -rf $(BUILD)/docs && mkdir -p $(BUILD)/docs
	@p=0 f=0; \
	if $(PYTHON) scripts/check_api_docs.py $(DOC_HEADERS); then p=$$((p + 1)); else f=$$((f + 1)); fi; \
	if $(CC) $(WARN) $(INCS) -c examples/api_snippets.c -o $(BUILD)/docs/api_snippets.o; \
	then p=$$((p + 1)); else f=$$((f + 1)); fi; \
	if { cat Doxyfile; echo "OUTPUT_DIRECTORY = $(BUILD)/docs"; \
	     echo "WARN_LOGFILE = $(BUILD)/docs/warnings.log"; } | doxygen - >$(BUILD)/docs/doxygen.log 2>&1 \
	   && [ ! -s $(BUILD)/docs/warnings.log ]; then p=$$((p + 1)); \
	else cat $(BUILD)/docs/warnings.log $(BUILD)/docs/doxygen.log | head -n 40; f=$$((f + 1)); fi; \
	echo "docs: $$p passed, $$f failed" | tee $(BUILD)/docs/result.log; \
	scripts/run_tests.sh --record $(BUILD)/results $(BUILD)/docs/result.log; [ $$f -eq 0 ]

print-sources:
	@echo $(CORE_SRC) $(PORT_SRC) $(PROXY_SRC)

packaging-tests: spdx-check docs cmake-package-test platform-standins

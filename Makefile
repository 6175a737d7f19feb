# wt: build, test, install. `make && sudo make install` puts wt, its man pages
# and its shell completions under PREFIX (DESTDIR for packaging).

PREFIX ?= /usr/local
DESTDIR ?=
# The release binary is linked fully statically (scripts/build-release says why).
BIN ?= .build/release/wt

bindir := $(DESTDIR)$(PREFIX)/bin
man1dir := $(DESTDIR)$(PREFIX)/share/man/man1
man5dir := $(DESTDIR)$(PREFIX)/share/man/man5
bashdir := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
zshdir := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
fishdir := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

MAN1 := $(wildcard man/*.1)
MAN5 := $(wildcard man/*.5)

.PHONY: all build test install uninstall docs demo clean

all: build

build:
	scripts/build-release

test:
	swift test

# Builds the binary only when there is none, so `sudo make install` after
# `make` does not compile as root; BIN=path installs another build.
$(BIN):
	scripts/build-release

install: $(BIN)
	install -d $(bindir) $(man1dir) $(man5dir) $(bashdir) $(zshdir) $(fishdir)
	install -m 0755 $(BIN) $(bindir)/wt
	install -m 0644 $(MAN1) $(man1dir)
	install -m 0644 $(MAN5) $(man5dir)
	install -m 0644 completions/wt.bash $(bashdir)/wt
	install -m 0644 completions/_wt $(zshdir)/_wt
	install -m 0644 completions/wt.fish $(fishdir)/wt.fish

uninstall:
	rm -f $(bindir)/wt
	rm -f $(addprefix $(man1dir)/,$(notdir $(MAN1))) $(addprefix $(man5dir)/,$(notdir $(MAN5)))
	rm -f $(bashdir)/wt $(zshdir)/_wt $(fishdir)/wt.fish

# Rewrites completions/ and man/ from the command table (the tests check they are current).
docs:
	swift build --product wt
	.build/debug/wt __docs $(CURDIR)

demo:
	scripts/demo

clean:
	swift package clean

#!/usr/bin/env python3
"""Cases for StdnumCrossCheckTests: random and mutated IBANs, KvK numbers and Dutch VAT ids,
each with python-stdnum's verdict, as JSON lines on stdout.

  cases.py SEED COUNT      COUNT cases per kind (iban, kvk, vat)

Verdicts:
- iban: stdnum.iban.is_valid(x, check_country=False): the registry's structure and the check
  digits, without stdnum's per-country bank registries (wt has none).
- vat:  stdnum.nl.btw.is_valid(x).
- kvk:  python-stdnum has no module for the KvK number (stdnum.nl.brin is a school code,
  stdnum.nl.onderwijsnummer a student number with an eleven test): a KvK number is 8 digits
  without a check digit, so the verdict is stdnum.util's cleaning and isdigits, length 8.
A case is "valid" only when stdnum accepts it in the form wt reads: wt takes spaces (and case)
as layout and nothing else, while stdnum also drops '-' and '.' and pads a short VAT number, so
an input whose stdnum compact form differs from it minus spaces, upper-cased, is "invalid".
Each line also says whether stdnum's registry knows the IBAN's country ("known"), since the
Debian package may be older than the registry wt carries.
"""
import json
import os
import random
import sys

import stdnum
from stdnum import iban, util
from stdnum.nl import btw

ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
NOISE = ALNUM + "abcxyz -./_+#\u00e9"


def iban_countries():
    """stdnum's copy of the registry: country code -> BBAN structure."""
    out = {}
    with open(os.path.join(os.path.dirname(stdnum.__file__), "iban.dat"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        cc, rest = line.split(" ", 1)
        bban = rest.split('bban="')[1].split('"')[0]
        out[cc] = bban
    return out


def random_bban(structure, rnd):
    out, num = "", ""
    i = 0
    while i < len(structure):
        c = structure[i]
        if c.isdigit():
            num += c
        elif c == "!":
            pass
        else:
            chars = {"n": "0123456789", "a": "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "c": ALNUM}[c]
            out += "".join(rnd.choice(chars) for _ in range(int(num)))
            num = ""
        i += 1
    return out


def valid_iban(countries, rnd):
    cc = rnd.choice(sorted(countries))
    bban = random_bban(countries[cc], rnd)
    return cc + iban.calc_check_digits(cc + "00" + bban) + bban


def valid_vat(rnd):
    """Half of the old form (the eleven test), half of the sole proprietors' form since 2020
    (mod 97 over the whole id, letters as numbers)."""
    from stdnum.iso7064 import mod_97_10
    while rnd.random() < 0.5:
        digits = "".join(rnd.choice("0123456789") for _ in range(9))
        for sub in range(1, 100):
            x = "NL%sB%02d" % (digits, sub)
            if mod_97_10.is_valid(x):
                return x
    while True:
        d = [rnd.randint(0, 9) for _ in range(8)]
        check = sum(x * (9 - i) for i, x in enumerate(d)) % 11
        if check < 10 and any(d):
            digits = "".join(map(str, d)) + str(check)
            return "NL" + digits + "B" + "%02d" % rnd.randint(1, 99)


def mutate(s, rnd):
    ops = rnd.randint(1, 2)
    for _ in range(ops):
        if not s:
            return rnd.choice(ALNUM)
        i = rnd.randrange(len(s))
        op = rnd.randrange(9)
        if op == 0:      # change a character
            s = s[:i] + rnd.choice(ALNUM) + s[i + 1:]
        elif op == 1 and len(s) > 1:   # swap neighbours
            j = min(i + 1, len(s) - 1)
            s = s[:i] + s[j] + s[i] + s[j + 1:] if j != i else s
        elif op == 2:    # drop one
            s = s[:i] + s[i + 1:]
        elif op == 3:    # insert one
            s = s[:i] + rnd.choice(NOISE) + s[i:]
        elif op == 4:    # spaces as layout
            s = " ".join(s[k:k + 4] for k in range(0, len(s), 4))
        elif op == 5:    # lower case
            s = s.lower()
        elif op == 6:    # a subnumber of 00 (VAT), or a zero run
            s = s[:-2] + "00"
        elif op == 7:    # another separator
            s = s[:i] + rnd.choice("-.") + s[i:]
        else:            # a digit changed
            s = s[:i] + rnd.choice("0123456789") + s[i + 1:]
    return s


def main():
    seed, count = int(sys.argv[1]), int(sys.argv[2])
    rnd = random.Random(seed)
    countries = iban_countries()

    def emit(kind, x, valid, **extra):
        print(json.dumps(dict(kind=kind, input=x, valid=bool(valid), **extra), ensure_ascii=False))

    def plain(x):
        return x.replace(" ", "").upper()

    for n in range(count):
        r = rnd.random()
        x = valid_iban(countries, rnd)
        if r < 0.7:
            x = mutate(x, rnd)
        elif r < 0.8:
            x = "".join(rnd.choice(NOISE) for _ in range(rnd.randint(0, 34)))
        ok = iban.is_valid(x, check_country=False) and iban.compact(x) == plain(x)
        emit("iban", x, ok, known=plain(x)[:2] in countries)

        x = valid_vat(rnd)
        if rnd.random() < 0.7:
            x = mutate(x, rnd)
        ok = btw.is_valid(x) and "NL" + btw.compact(x) == plain(x)
        emit("vat", x, ok)

        x = "".join(rnd.choice("0123456789") for _ in range(8))
        if rnd.random() < 0.6:
            x = mutate(x, rnd)
        c = util.clean(x, " ")
        emit("kvk", x, util.isdigits(c) and len(c) == 8)
    print(json.dumps(dict(kind="meta", stdnum=stdnum.__version__)))


if __name__ == "__main__":
    main()

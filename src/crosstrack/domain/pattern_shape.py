"""What a number-format pattern says about the strings it accepts, read from the pattern itself.

Detection matches *normalized* numbers (upper case, only letters and digits). Knowing, for each
format, the lengths and first characters it can accept lets the detector skip most formats
without running their regular expressions, and knowing how much of the number the pattern
fixes (``1Z``, ``LP``, ``[AFC]``...) lets it rank a specific format above a generic all-digit
one. This module reads both from the pattern text with a small parser for the subset of regular
expressions the format data uses (literals, classes, groups, alternation, quantifiers,
lookarounds, ``\\s``/``\\d``/``\\b``); anything it does not know makes it answer conservatively.

It also turns the data's Ruby-flavoured patterns into Python ones (:func:`to_python_regex`).
"""

from __future__ import annotations

import math
import re
import string
from dataclasses import dataclass

DIGITS = frozenset(string.digits)
LETTERS = frozenset(string.ascii_uppercase)
ALPHABET = DIGITS | LETTERS
"""The characters a normalized tracking number is made of."""

_RUBY_NAMED_GROUP = re.compile(r"\(\?<(?![=!])")


def to_python_regex(pattern: str) -> str:
    """Translate a data-file pattern to Python syntax for matching normalized numbers.

    ``(?<Name>...)`` becomes ``(?P<Name>...)``, and literal separators (``-``, ``/``, ``.``
    outside character classes) are dropped, because normalization removes them from the input.
    """
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            nxt = pattern[i + 1 : i + 2]
            if not in_class and nxt in ("-", "/", "."):
                i += 2
                continue
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "^":
                out.append("[^")
                i += 2
                if pattern[i : i + 1] == "]":
                    out.append("]")
                    i += 1
                continue
            if pattern[i + 1 : i + 2] == "]":
                out.append("[]")
                i += 2
                continue
        elif c in "-/":
            i += 1
            continue
        out.append(c)
        i += 1
    return _RUBY_NAMED_GROUP.sub("(?P<", "".join(out))


@dataclass(frozen=True)
class PatternShape:
    """Facts about the normalized strings a pattern accepts."""

    min_length: int
    max_length: int | None
    first_chars: frozenset[str]
    """Characters a match can start with (every character of the alphabet when unsure)."""
    fixed_bits: float
    """Information fixed by the pattern beyond letter-versus-digit, in bits, at least: a literal
    digit is log2(10), a literal letter log2(26), ``[AFC]`` log2(26/3), ``[0-9]`` nothing."""
    pins_shape: bool
    """True when no position accepts both a letter and a digit (the letter/digit layout is
    fixed by the pattern, as in S10 ``LL999999999LL``)."""

    def accepts_length(self, length: int) -> bool:
        """Whether a string of this length could match."""
        return self.min_length <= length and (self.max_length is None or length <= self.max_length)


@dataclass(frozen=True)
class _Chars:
    chars: frozenset[str]


@dataclass(frozen=True)
class _Seq:
    items: tuple[_Node, ...]


@dataclass(frozen=True)
class _Alt:
    branches: tuple[_Node, ...]


@dataclass(frozen=True)
class _Repeat:
    node: _Node
    low: int
    high: int | None


@dataclass(frozen=True)
class _Empty:
    """Zero-width: anchors, word boundaries, lookarounds."""


_Node = _Chars | _Seq | _Alt | _Repeat | _Empty
_EMPTY = _Empty()


class _UnsupportedPattern(ValueError):
    pass


class _Parser:
    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.i = 0

    def parse(self) -> _Node:
        node = self._alternation()
        if self.i != len(self.p):
            raise _UnsupportedPattern(f"unexpected {self.p[self.i]!r} at {self.i}")
        return node

    def _peek(self, n: int = 1) -> str:
        return self.p[self.i : self.i + n]

    def _alternation(self) -> _Node:
        branches = [self._sequence()]
        while self._peek() == "|":
            self.i += 1
            branches.append(self._sequence())
        return branches[0] if len(branches) == 1 else _Alt(tuple(branches))

    def _sequence(self) -> _Node:
        items: list[_Node] = []
        while self.i < len(self.p) and self._peek() not in ("|", ")"):
            items.append(self._quantified(self._atom()))
        return _Seq(tuple(items))

    def _quantified(self, atom: _Node) -> _Node:
        c = self._peek()
        low: int
        high: int | None
        if c in ("*", "+", "?"):
            self.i += 1
            low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[c]
        elif c == "{" and (m := re.match(r"\{(\d*)(,?)(\d*)\}", self.p[self.i :])):
            self.i += m.end()
            low = int(m.group(1) or 0)
            high = low if not m.group(2) else (int(m.group(3)) if m.group(3) else None)
        else:
            return atom
        if self._peek() in ("?", "+"):
            self.i += 1  # lazy or possessive: the same strings
        return _Repeat(atom, low, high)

    def _atom(self) -> _Node:
        c = self._peek()
        self.i += 1
        if c == "(":
            return self._group()
        if c == "[":
            return _Chars(self._char_class())
        if c == "\\":
            return self._escape(in_class=False)
        if c == ".":
            return _Chars(ALPHABET)
        if c in ("^", "$"):
            return _EMPTY
        if c in ("*", "+", "?", "{"):
            raise _UnsupportedPattern(f"nothing to repeat at {self.i - 1}")
        return _Chars(frozenset(c))

    def _group(self) -> _Node:
        zero_width = False
        if self._peek() == "?":
            head = self._peek(3)
            if head.startswith(("?=", "?!")):
                self.i += 2
                zero_width = True
            elif head in ("?<=", "?<!"):
                self.i += 3
                zero_width = True
            elif head.startswith("?:"):
                self.i += 2
            elif (m := re.match(r"\?P?<\w+>", self.p[self.i :])) is not None:
                self.i += m.end()
            else:
                raise _UnsupportedPattern(f"group syntax at {self.i}")
        inner = self._alternation()
        if self._peek() != ")":
            raise _UnsupportedPattern("unbalanced parenthesis")
        self.i += 1
        return _EMPTY if zero_width else inner

    def _escape(self, *, in_class: bool) -> _Node:
        c = self._peek()
        self.i += 1
        if c == "d":
            return _Chars(DIGITS)
        if c == "s":
            return _Chars(frozenset())  # normalized numbers hold no white space
        if c == "w":
            return _Chars(ALPHABET)
        if c in ("b", "B", "A", "Z", "z") and not in_class:
            return _EMPTY
        if c.isalnum() or not c:
            raise _UnsupportedPattern(f"escape \\{c}")
        return _Chars(frozenset(c))

    def _char_class(self) -> frozenset[str]:
        negate = self._peek() == "^"
        if negate:
            self.i += 1
        members: set[str] = set()
        first = True
        while self.i < len(self.p) and (first or self._peek() != "]"):
            first = False
            c = self._peek()
            self.i += 1
            if c == "\\":
                escaped = self._escape(in_class=True)
                if isinstance(escaped, _Chars):
                    members.update(escaped.chars)
                continue
            if self._peek() == "-" and self.p[self.i + 1 : self.i + 2] not in ("]", ""):
                end = self.p[self.i + 1]
                self.i += 2
                members.update(chr(x) for x in range(ord(c), ord(end) + 1))
            else:
                members.add(c)
        if self._peek() != "]":
            raise _UnsupportedPattern("unterminated character class")
        self.i += 1
        return ALPHABET - members if negate else frozenset(members)


def _add(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def _width(node: _Node) -> tuple[int, int | None]:
    match node:
        case _Chars(chars):
            return (1, 1) if chars else (0, 0)  # an empty class only ever appears repeated
        case _Repeat(inner, low, high):
            lo, hi = _width(inner)
            if hi == 0:
                return (0, 0)
            return lo * low, None if hi is None or high is None else hi * high
        case _Seq(items):
            total: tuple[int, int | None] = (0, 0)
            for item in items:
                lo, hi = _width(item)
                total = (total[0] + lo, _add(total[1], hi))
            return total
        case _Alt(branches):
            widths = [_width(branch) for branch in branches]
            highs = [hi for _, hi in widths]
            top = None if any(h is None for h in highs) else max(h or 0 for h in highs)
            return min(lo for lo, _ in widths), top
    return (0, 0)


def _first(node: _Node) -> tuple[frozenset[str], bool]:
    """Characters a match can start with, and whether the node can match the empty string."""
    match node:
        case _Chars(chars):
            return chars, not chars
        case _Repeat(inner, low, _):
            chars, nullable = _first(inner)
            return chars, nullable or low == 0
        case _Alt(branches):
            firsts = [_first(branch) for branch in branches]
            return frozenset().union(*(f for f, _ in firsts)), any(n for _, n in firsts)
        case _Seq(items):
            acc: frozenset[str] = frozenset()
            for item in items:
                chars, nullable = _first(item)
                acc |= chars
                if not nullable:
                    return acc, False
            return acc, True
    return frozenset(), True


def _class_bits(chars: frozenset[str]) -> float:
    digits, letters = len(chars & DIGITS), len(chars & LETTERS)
    options = [math.log2(10 / digits)] if digits else []
    if letters:
        options.append(math.log2(26 / letters))
    return min(options) if options else 0.0


def _bits(node: _Node) -> float:
    match node:
        case _Chars(chars):
            return _class_bits(chars)
        case _Repeat(inner, low, _):
            return low * _bits(inner)
        case _Seq(items):
            return sum(_bits(item) for item in items)
        case _Alt(branches):
            probability = sum(2.0 ** -_bits(branch) for branch in branches)
            return max(0.0, -math.log2(probability))
    return 0.0


def _pins_shape(node: _Node) -> bool:
    match node:
        case _Chars(chars):
            return not (chars & DIGITS and chars & LETTERS)
        case _Repeat(inner, _, _):
            return _pins_shape(inner)
        case _Seq(items):
            return all(_pins_shape(item) for item in items)
        case _Alt(branches):
            return all(_pins_shape(branch) for branch in branches)
    return True


def analyze_pattern(pattern: str) -> PatternShape:
    """Read a :class:`PatternShape` from a Python-syntax pattern (as from :func:`to_python_regex`).

    A pattern outside the supported subset gets the most permissive shape (any length, any first
    character, no fixed bits), so it is still matched, just never skipped early.
    """
    try:
        tree = _Parser(pattern).parse()
    except (_UnsupportedPattern, IndexError):
        return PatternShape(0, None, ALPHABET, 0.0, False)
    lo, hi = _width(tree)
    first, _ = _first(tree)
    return PatternShape(lo, hi, first & ALPHABET or ALPHABET, _bits(tree), _pins_shape(tree))

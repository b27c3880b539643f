"""Multilingual rules that read a carrier's free-text event description.

The rules are grouped by what they recognise (``delivery_attempts`` for returns and failed
attempts, ``delivery``, ``problems``, ``customs`` for customs and borders, ``transit``), and
each rule lists its phrasings language by language. They are built from how carriers word
their scans in each language, not from any one carrier's strings, so that texts never seen
before still classify. ``crosstrack.domain.text_classifier`` evaluates them.
"""

"""Ingest: find capture files and read them safely (discover, decode, WARC archives), with what the capturer
supplies beside them (sidecars) and the fact-checker's reference ledger.
"""

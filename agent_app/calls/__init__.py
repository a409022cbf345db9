"""The desk's calls, inbound and outbound, on any line: one Qt-free model and its one writer."""

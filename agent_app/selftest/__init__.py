"""The pre-shift self-test: is this desk ready to take calls?

Each check answers green, amber or red with a code and its parameters (``result.py``); ui/
says them in the desk's language, the command line in English. Qt-free: checks that need Qt
(translations, plugins, the sign-in screen) are given by ui/ to the same runner.
"""

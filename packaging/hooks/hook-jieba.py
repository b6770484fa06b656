# jieba for planner/match/lexicon.py: only its main dictionary (dict.txt, 5 MB) is read. The
# contributed hook collects all of jieba's data (~25 MB: the TF-IDF word list of
# jieba.analyse, the part-of-speech model of jieba.posseg, the paddle model of lac_small),
# none of which the app loads, so this one replaces it.
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("jieba", includes=["dict.txt"])
excludedimports = ["jieba.analyse", "jieba.posseg", "jieba.lac_small", "paddle"]

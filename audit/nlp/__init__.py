"""The package's own English pipeline: a spaCy tagger, morphologizer, lemmatizer and dependency parser trained on the
UD English Web Treebank by ``python -m tools.train_parser`` and shipped in ``audit/nlp/model/`` (licence and credit
beside the weights). ``parse`` gives plain, typed parse records with absolute character offsets; nothing outside this
package imports spaCy.
"""

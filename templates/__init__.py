# The default templates and reference document, installed as package data of rtdraft.

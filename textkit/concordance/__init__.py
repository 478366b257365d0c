"""The corpus linguist's questions over a positional word index built once per corpus: keyword in
context, collocates, dispersion and word lists."""

"""The text rules every stage shares, one implementation each: word tokens (the index's), words of
narration, sentences, footnote markers, quotation marks and the word lists."""

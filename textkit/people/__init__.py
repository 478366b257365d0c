"""Who is a person: names and their canonical form, the subjects and salience of narration, and the
mentions of everyone the text treats as a person. Quotation attribution draws its candidates here."""

"""The evidence behind the notes: citations parsed and resolved (Ibid., op. cit., short forms), every
place a note is cited and the quotation it sources, and the works cited, grouped."""

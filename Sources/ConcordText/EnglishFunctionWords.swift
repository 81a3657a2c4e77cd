/// English words that name folding must leave alone even when capitalized at the start of a
/// sentence: function words, and the common words news sentences open with. A closed list of
/// English, not of names.
enum EnglishFunctionWords {
    static let all: Set<String> = [
        "a", "about", "above", "according", "across", "after", "afterwards", "again", "against", "ago",
        "ahead", "all", "almost", "along", "already", "also", "although", "always", "am", "among",
        "amid", "an", "and", "another", "any", "anyone", "anything", "are", "around", "as", "at",
        "back", "be", "became", "because", "become", "been", "before", "being", "below", "beside",
        "besides", "between", "beyond", "both", "but", "by", "can", "cannot", "could", "despite",
        "did", "do", "does", "doing", "done", "down", "during", "each", "earlier", "either", "else",
        "elsewhere", "enough", "even", "ever", "every", "everyone", "everything", "few", "fewer",
        "first", "following", "for", "former", "from", "further", "furthermore", "had", "has", "have",
        "having", "he", "hence", "her", "here", "hers", "herself", "him", "himself", "his", "how",
        "however", "i", "if", "in", "including", "indeed", "inside", "instead", "into", "is", "it",
        "its", "itself", "just", "last", "later", "latest", "least", "less", "let", "like", "likewise",
        "many", "may", "maybe", "me", "meanwhile", "might", "mine", "more", "moreover", "most", "mostly",
        "much", "must", "my", "near", "nearly", "neither", "never", "nevertheless", "new", "next", "no",
        "nobody", "none", "nor", "not", "nothing", "now", "of", "off", "often", "on", "once", "one",
        "only", "onto", "or", "other", "others", "otherwise", "our", "ours", "out", "outside", "over",
        "overall", "own", "per", "perhaps", "please", "previously", "rather", "recently", "same",
        "second", "several", "shall", "she", "should", "since", "so", "some", "someone", "something",
        "sometimes", "soon", "still", "such", "than", "that", "the", "their", "theirs", "them",
        "themselves", "then", "there", "thereafter", "therefore", "these", "they", "third", "this",
        "those", "though", "three", "through", "throughout", "thus", "to", "today", "together",
        "tomorrow", "tonight", "too", "toward", "towards", "two", "under", "unless", "unlike", "until",
        "up", "upon", "us", "very", "via", "was", "we", "well", "were", "what", "whatever", "when",
        "whenever", "where", "whereas", "whether", "which", "while", "who", "whoever", "whom", "whose",
        "why", "will", "with", "within", "without", "would", "yes", "yesterday", "yet", "you", "your",
        "yours", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds",
        "thousands", "said", "says", "say", "asked", "added", "officials", "witnesses", "reports",
        "sources", "police", "residents", "people", "there's", "it's", "many", "some", "most",
    ]
}

namespace RolePlay.Core.Detection;

/// <summary>Rewrites the shorthand, contractions and common misspellings of chat into one canonical spelling, so
/// the rules match "cant", "can't", "cannot" and "can not" with one pattern. Keys have their apostrophes removed.</summary>
internal static class ChatLexicon
{
    /// <summary>Safe whether or not the writer typed the apostrophe ("im", "dont", "youre").</summary>
    private static readonly Dictionary<string, string> Always = new(StringComparer.Ordinal)
    {
        // Contractions.
        ["im"] = "i am", ["ive"] = "i have", ["ill"] = "i will", ["youre"] = "you are", ["youve"] = "you have",
        ["youll"] = "you will", ["youd"] = "you would", ["theyre"] = "they are", ["theyve"] = "they have",
        ["theyll"] = "they will", ["theyd"] = "they would", ["weve"] = "we have", ["itll"] = "it will",
        ["thats"] = "that is", ["whats"] = "what is", ["hows"] = "how is", ["whos"] = "who is", ["wheres"] = "where is",
        ["theres"] = "there is", ["heres"] = "here is", ["its"] = "it is", ["lets"] = "let us", ["hes"] = "he is",
        ["shes"] = "she is", ["cant"] = "can not", ["cannot"] = "can not", ["couldnt"] = "could not",
        ["dont"] = "do not", ["doesnt"] = "does not", ["didnt"] = "did not", ["wont"] = "will not",
        ["wouldnt"] = "would not", ["shouldnt"] = "should not", ["isnt"] = "is not", ["arent"] = "are not",
        ["wasnt"] = "was not", ["werent"] = "were not", ["havent"] = "have not", ["hasnt"] = "has not",
        ["hadnt"] = "had not", ["mustnt"] = "must not", ["aint"] = "is not", ["shouldve"] = "should have",
        ["wouldve"] = "would have", ["couldve"] = "could have", ["mustve"] = "must have", ["mightve"] = "might have",
        ["gonna"] = "going to", ["wanna"] = "want to", ["gotta"] = "got to", ["lemme"] = "let me", ["gimme"] = "give me",
        ["dunno"] = "do not know", ["dnt"] = "do not", ["cnt"] = "can not", ["wouldn"] = "would not",

        // Chat shorthand.
        ["u"] = "you", ["ur"] = "your", ["r"] = "are", ["pls"] = "please", ["plz"] = "please",
        ["plse"] = "please", ["thx"] = "thanks", ["thanx"] = "thanks", ["ty"] = "thanks", ["okay"] = "ok",
        ["okey"] = "ok", ["okk"] = "ok", ["k"] = "ok", ["kk"] = "ok", ["yeah"] = "yes", ["yea"] = "yes",
        ["yep"] = "yes", ["yup"] = "yes", ["coz"] = "because", ["cos"] = "because", ["cuz"] = "because",
        ["bc"] = "because", ["b4"] = "before", ["abt"] = "about", ["sth"] = "something", ["smth"] = "something",
        ["msg"] = "message", ["acct"] = "account", ["wat"] = "what", ["wht"] = "what", ["wot"] = "what", ["hw"] = "how",
        ["wich"] = "which", ["cud"] = "could", ["cld"] = "could", ["wud"] = "would", ["wld"] = "would",
        ["shud"] = "should", ["shld"] = "should", ["cn"] = "can", ["thru"] = "through", ["tho"] = "though",
        ["tmrw"] = "tomorrow", ["tmr"] = "tomorrow", ["tmw"] = "tomorrow", ["tomoz"] = "tomorrow",
        ["tomorow"] = "tomorrow", ["tommorow"] = "tomorrow", ["tommorrow"] = "tomorrow", ["2moro"] = "tomorrow",
        ["2day"] = "today", ["tdy"] = "today", ["mins"] = "minutes", ["min"] = "minutes", ["hrs"] = "hours",
        ["hr"] = "hour", ["wk"] = "week", ["asap"] = "as soon as possible", ["eod"] = "end of day",
        ["cob"] = "close of business", ["rn"] = "right now", ["atm"] = "at the moment",

        // Misspellings that hide key words.
        ["sory"] = "sorry", ["sorri"] = "sorry", ["sry"] = "sorry", ["soz"] = "sorry", ["realy"] = "really",
        ["rly"] = "really", ["relly"] = "really", ["understnd"] = "understand", ["undrestand"] = "understand",
        ["understad"] = "understand", ["udnerstand"] = "understand", ["definately"] = "definitely",
        ["recieve"] = "receive", ["recieved"] = "received", ["happend"] = "happened", ["happenned"] = "happened",
        ["becuase"] = "because", ["beacuse"] = "because", ["wierd"] = "weird", ["thier"] = "their",
        ["adress"] = "address", ["calll"] = "call", ["emial"] = "email",
    };

    /// <summary>Only when the apostrophe was typed: without it these are ordinary words ("ill", "well", "id").</summary>
    private static readonly Dictionary<string, string> WithApostrophe = new(StringComparer.Ordinal)
    {
        ["id"] = "i would", ["well"] = "we will", ["were"] = "we are", ["wed"] = "we would", ["hell"] = "he will",
        ["shell"] = "she will", ["hed"] = "he would", ["shed"] = "she would", ["whod"] = "who would",
    };

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> AlwaysLookup =
        Always.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> WithApostropheLookup =
        WithApostrophe.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The canonical spelling of one lower-case word (apostrophes removed), or null to keep it as typed.</summary>
    public static string? Canonical(ReadOnlySpan<char> word, bool hadApostrophe)
    {
        if (AlwaysLookup.TryGetValue(word, out var canonical))
        {
            return canonical;
        }

        return hadApostrophe && WithApostropheLookup.TryGetValue(word, out canonical) ? canonical : null;
    }
}

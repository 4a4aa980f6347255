//! English verb forms the treebank-trained lemmatizer cannot learn: irregular past tenses
//! and participles it never saw ("shot", "fled", "overran"), and the spelling of regular past
//! tenses whose suffix rule misleads ("shelled" is not "shel", "stoned" not "ston", "looted"
//! not "loote").
//!
//! The table of irregular verbs below was written for dyad from general knowledge of
//! English. The spelling rules follow English orthography: a one-syllable verb ending in a
//! single vowel and a single consonant doubles the consonant before "-ed" ("stop",
//! "stopped"), so a one-syllable stem ending that way without a doubled letter lost a final
//! "e" ("stone", "stoned"); a one-syllable stem ending in "ll", "ss", "ff" or "zz" keeps both
//! letters ("shell", "shelled"); and a vowel pair before one of t, d, n, l, r, m, k, p takes no
//! "e" ("loot", "looted").

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Irregular verbs: the lemma, then its past-tense and past-participle forms (alternatives
/// separated by `|`).
const IRREGULAR: &str = "\
arise arose arisen
awake awoke awoken
bear bore borne|born
beat beat beaten
become became become
begin began begun
bend bent bent
bind bound bound
bite bit bitten
bleed bled bled
blow blew blown
break broke broken
breed bred bred
bring brought brought
build built built
burn burnt burnt
buy bought bought
catch caught caught
choose chose chosen
cling clung clung
come came come
creep crept crept
deal dealt dealt
dig dug dug
do did done
draw drew drawn
drink drank drunk
drive drove driven
eat ate eaten
fall fell fallen
feed fed fed
feel felt felt
fight fought fought
find found found
flee fled fled
fling flung flung
fly flew flown
forbid forbade forbidden
foresee foresaw foreseen
forget forgot forgotten
forgive forgave forgiven
forsake forsook forsaken
freeze froze frozen
get got gotten|got
give gave given
go went gone
grind ground ground
grow grew grown
hang hung hung
have had had
hear heard heard
hide hid hidden
hold held held
keep kept kept
kneel knelt knelt
know knew known
lay laid laid
lead led led
leap leapt leapt
leave left left
lend lent lent
lie lay lain
light lit lit
lose lost lost
make made made
mean meant meant
meet met met
mislead misled misled
mistake mistook mistaken
outrun outran outrun
overcome overcame overcome
override overrode overridden
overrun overran overrun
oversee oversaw overseen
overtake overtook overtaken
overthrow overthrew overthrown
pay paid paid
rebuild rebuilt rebuilt
retake retook retaken
ride rode ridden
ring rang rung
rise rose risen
run ran run
say said said
see saw seen
seek sought sought
sell sold sold
send sent sent
shake shook shaken
shine shone shone
shoot shot shot
show showed shown
shrink shrank shrunk
sing sang sung
sink sank sunk
sit sat sat
slay slew slain
sleep slept slept
slide slid slid
speak spoke spoken
speed sped sped
spend spent spent
spin spun spun
spit spat spat
spring sprang sprung
stand stood stood
steal stole stolen
stick stuck stuck
sting stung stung
strike struck struck|stricken
strive strove striven
swear swore sworn
sweep swept swept
swim swam swum
swing swung swung
take took taken
teach taught taught
tear tore torn
tell told told
think thought thought
throw threw thrown
tread trod trodden
undergo underwent undergone
understand understood understood
undertake undertook undertaken
uphold upheld upheld
wake woke woken
wear wore worn
weave wove woven
weep wept wept
win won won
wind wound wound
withdraw withdrew withdrawn
withhold withheld withheld
withstand withstood withstood
wring wrung wrung
write wrote written
";

/// Past forms that are also the base form of another verb ("to found", "to fell").
const ALSO_BASE: [&str; 7] = ["found", "wound", "ground", "bound", "saw", "fell", "bore"];

/// The table read once: past form → lemma, and the set of lemmas (base forms).
struct Table {
    past: HashMap<&'static str, &'static str>,
    base: HashSet<&'static str>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut past = HashMap::new();
        let mut base = HashSet::new();
        for form in ALSO_BASE {
            base.insert(form);
        }
        for line in IRREGULAR.lines() {
            let mut fields = line.split_whitespace();
            let Some(lemma) = fields.next() else { continue };
            base.insert(lemma);
            for field in fields {
                for form in field.split('|') {
                    if form != lemma {
                        past.entry(form).or_insert(lemma);
                    }
                }
            }
        }
        Table { past, base }
    })
}

/// The lemma of an irregular past form with a verb tag, when the table has it. A form tagged
/// as a past tense or participle is always read as one ("found" → "find", "lay" → "lie");
/// with another verb tag, only a form that is no verb's base form is ("overran" → "overrun",
/// but "found" stays).
pub fn irregular(lower: &str, xpos: &str) -> Option<&'static str> {
    if !xpos.starts_with("VB") || xpos == "VBG" {
        return None;
    }
    let t = table();
    let lemma = t.past.get(lower)?;
    let past_tag = matches!(xpos, "VBD" | "VBN");
    (past_tag || !t.base.contains(lower)).then_some(*lemma)
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// How many groups of vowel letters a word has: its syllables, roughly.
fn vowel_groups(word: &str) -> usize {
    let mut groups = 0;
    let mut previous = false;
    for c in word.chars() {
        let v = is_vowel(c);
        if v && !previous {
            groups += 1;
        }
        previous = v;
    }
    groups
}

/// The lemma of a regular past form ("-ed", tagged `VBD` or `VBN`) when English spelling
/// settles it (see the module comment), else None and the suffix rules decide.
pub fn regular_past(lower: &str, xpos: &str) -> Option<String> {
    if !matches!(xpos, "VBD" | "VBN") || !lower.is_ascii() {
        return None;
    }
    let stem = lower.strip_suffix("ed")?;
    let chars: Vec<char> = stem.chars().collect();
    let n = chars.len();
    if n < 2 || !chars.iter().all(char::is_ascii_alphabetic) || vowel_groups(stem) == 0 {
        return None;
    }
    let (last, before) = (chars[n - 1], chars[n - 2]);
    let one_syllable = vowel_groups(stem) == 1;
    if one_syllable && last == before && matches!(last, 'l' | 's' | 'f' | 'z') {
        return Some(stem.to_string());
    }
    let single_vowel = n < 3 || !is_vowel(chars[n - 3]);
    if one_syllable && is_vowel(before) && single_vowel && !is_vowel(last) {
        return (!matches!(last, 'w' | 'x' | 'y')).then(|| format!("{stem}e"));
    }
    if n >= 3 && matches!(last, 't' | 'd' | 'n' | 'l' | 'r' | 'm' | 'k' | 'p') {
        let pair: String = chars[n - 3..n - 1].iter().collect();
        if matches!(
            pair.as_str(),
            "oo" | "ai" | "oa" | "ee" | "oi" | "ou" | "au"
        ) {
            return Some(stem.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irregular_pasts_and_participles() {
        assert_eq!(irregular("shot", "VBD"), Some("shoot"));
        assert_eq!(irregular("fled", "VBN"), Some("flee"));
        assert_eq!(irregular("overran", "VBP"), Some("overrun"));
        assert_eq!(irregular("stricken", "VBN"), Some("strike"));
        assert_eq!(irregular("found", "VBD"), Some("find"));
        assert_eq!(irregular("lay", "VBD"), Some("lie"));
        // A base form with a present tag stays; so do other tags.
        assert_eq!(irregular("found", "VBP"), None);
        assert_eq!(irregular("lay", "VBP"), None);
        assert_eq!(irregular("shot", "NN"), None);
        assert_eq!(irregular("walked", "VBD"), None);
    }

    #[test]
    fn regular_pasts_by_spelling() {
        let lemma = |w: &str| regular_past(w, "VBD");
        assert_eq!(lemma("shelled").as_deref(), Some("shell"));
        assert_eq!(lemma("quelled").as_deref(), Some("quell"));
        assert_eq!(lemma("passed").as_deref(), Some("pass"));
        assert_eq!(lemma("stoned").as_deref(), Some("stone"));
        assert_eq!(lemma("raped").as_deref(), Some("rape"));
        assert_eq!(lemma("voted").as_deref(), Some("vote"));
        assert_eq!(lemma("looted").as_deref(), Some("loot"));
        assert_eq!(lemma("jailed").as_deref(), Some("jail"));
        // Left to the suffix rules: two syllables, clusters, w/x/y, other vowel pairs.
        for w in [
            "travelled",
            "opened",
            "visited",
            "helped",
            "fixed",
            "vowed",
            "played",
            "created",
            "quoted",
            "guided",
            "stopped",
            "seized",
        ] {
            assert_eq!(lemma(w), None, "{w}");
        }
        assert_eq!(regular_past("shelled", "JJ"), None);
        assert_eq!(regular_past("ed", "VBD"), None);
    }
}

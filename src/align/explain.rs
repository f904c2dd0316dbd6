//! Explanations: the longest phrases two units share, in the newer unit's
//! own words.

/// Up to `n` longest runs of words the two texts share (case and
/// punctuation ignored), longest first, each at least `min_words` long and
/// not overlapping in the newer text.
pub fn shared_phrases(old: &str, new: &str, min_words: usize, n: usize) -> Vec<String> {
    let norm = |t: &str| -> Vec<(String, String)> {
        t.split_whitespace()
            .map(|w| {
                let core: String = w
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<String>()
                    .to_lowercase();
                (core, w.to_string())
            })
            .filter(|(c, _)| !c.is_empty())
            .collect()
    };
    let a = norm(old);
    let b = norm(new);
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    // Longest common substring table, one row at a time; collect every
    // maximal run with its end in `b`.
    let mut prev = vec![0usize; b.len() + 1];
    let mut runs: Vec<(usize, usize)> = Vec::new(); // (length, end index in b)
    for i in 1..=a.len() {
        let mut cur = vec![0usize; b.len() + 1];
        for j in 1..=b.len() {
            if a[i - 1].0 == b[j - 1].0 {
                cur[j] = prev[j - 1] + 1;
            }
        }
        for j in 1..=b.len() {
            let len = cur[j];
            let extends = i < a.len() && j < b.len() && a[i].0 == b[j].0;
            if len >= min_words && !extends {
                runs.push((len, j));
            }
        }
        prev = cur;
    }
    runs.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    let mut used = vec![false; b.len()];
    let mut out = Vec::new();
    for (len, end) in runs {
        let start = end - len;
        if used[start..end].iter().any(|&u| u) {
            continue;
        }
        used[start..end].iter_mut().for_each(|u| *u = true);
        let phrase: Vec<&str> = b[start..end].iter().map(|(_, w)| w.as_str()).collect();
        out.push(
            phrase
                .join(" ")
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string(),
        );
        if out.len() == n {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_shared_phrases_first() {
        let old = "Strengthen the role of the Commission on Crime Prevention and Criminal Justice in continuing to advance discussions";
        let new = "Strengthen the role of the Commission on Crime Prevention and Criminal Justice (CCPCJ) as a platform for advancing global discussions";
        let p = shared_phrases(old, new, 3, 3);
        assert_eq!(
            p[0],
            "Strengthen the role of the Commission on Crime Prevention and Criminal Justice"
        );
        assert!(shared_phrases("a b", "c d", 2, 3).is_empty());
    }
}

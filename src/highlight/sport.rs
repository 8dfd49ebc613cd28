//! Sports pages: a team's line-up names players, and a club named in full
//! lends its short name (`City`, `United`) to the rest of the report.

use super::names::Cand;
use super::token::{CAP, Kind, LINE_START, SPACE, Token, UPPER};
use super::words::one_of;
use super::{EntityKind, settle};

/// `Arsenal (4-3-3): Raya; White, Saliba, Gabriel, Calafiori; Rice (Nwaneri
/// 80), Ødegaard`: after a team and its formation in brackets, or a team
/// and a colon with the lines of players between semicolons, every name
/// on the line is a player's, substitutes in brackets too (`Rodri` and
/// `White` are no town and no colour here).
pub(super) fn line_ups(text: &str, toks: &[Token], names: &mut Vec<Cand>) {
    // most articles have no colon at all
    if !text.contains(':') {
        return;
    }
    let mut players = Vec::new();
    let mut s = 0;
    while s < toks.len() {
        let e = super::token::line_end(toks, s);
        if let Some(colon) = line_up_colon(text, toks, s, e) {
            players.extend(capital_runs(toks, names, colon + 1, e));
        }
        s = e;
    }
    for (a, b) in players {
        settle(names, a, b, EntityKind::Person);
    }
}

/// The colon after a team's name that opens a line-up on the line from
/// `s` to `e`: one to four capitalised words, then a formation in brackets
/// (`(4-2-3-1)`) or a line of players with two semicolons or more.
fn line_up_colon(text: &str, toks: &[Token], s: usize, e: usize) -> Option<usize> {
    let team = toks[s..e]
        .iter()
        .take_while(|t| t.is_word() && t.is_capitalised())
        .count();
    if team == 0 || team > 4 {
        return None;
    }
    let (k, formation) = bracket_after_team(text, toks, s + team, e)?;
    if !toks.get(k).is_some_and(|t| t.is_punct(':')) || k >= e {
        return None;
    }
    let semicolons = toks[k..e].iter().filter(|t| t.is_punct(';')).count();
    (formation || semicolons >= 2).then_some(k)
}

/// What follows a team's name at `k`: with no bracket there, `k` itself;
/// with one, the token after its `)` and whether it held a formation
/// (`(4-3-3)`, `(4-2-3-1)`: three digits or more joined by bare hyphens);
/// `None` for a bracket not closed soon.
fn bracket_after_team(text: &str, toks: &[Token], k: usize, e: usize) -> Option<(usize, bool)> {
    if !toks.get(k).is_some_and(|t| t.is_punct('(')) {
        return Some((k, false));
    }
    let close = (k + 1..e.min(k + 10)).find(|&j| toks[j].is_punct(')'))?;
    let inside = &toks[k + 1..close];
    let digits = inside.iter().filter(|t| t.kind == Kind::Num).count();
    let dashes = inside
        .iter()
        .filter(|t| matches!(t.kind, Kind::Punct(c) if super::token::is_hyphen(c)))
        .count();
    let shaped = digits >= 3
        && dashes + 1 == digits
        && inside
            .iter()
            .all(|t| !t.has(SPACE) && t.text(text).len() == 1);
    Some((close + 1, shaped))
}

/// The players from `a` to `e`: each name found there, and each run of
/// capitalised words no name covers.
fn capital_runs(toks: &[Token], names: &[Cand], a: usize, e: usize) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut k = a;
    while k < e {
        if let Some(c) = names.iter().find(|c| c.a <= k && k < c.b) {
            if c.a >= a && c.b <= e {
                runs.push((c.a, c.b));
            }
            k = c.b.max(k + 1);
            continue;
        }
        if !(toks[k].is_word() && toks[k].has(CAP)) {
            k += 1;
            continue;
        }
        let mut b = k + 1;
        while b < e && toks[b].is_word() && toks[b].has(CAP) && toks[b].has(SPACE) {
            if names.iter().any(|c| c.a <= b && b < c.b) {
                break;
            }
            b += 1;
        }
        runs.push((k, b));
        k = b;
    }
    runs
}

/// The short names of clubs, as a report calls a club once named in full:
/// `City` after `Manchester City`, `United`, `Villa`, `Palace`.
fn is_club_short_name(w: &str) -> bool {
    one_of!(
        w,
        "City"
            | "United"
            | "Villa"
            | "Palace"
            | "Forest"
            | "Rovers"
            | "Wanderers"
            | "Albion"
            | "Athletic"
            | "Hotspur"
            | "Rangers"
            | "Celtic"
    )
}

/// `Manchester City ... City, who have played one game more`: where the
/// article names a club in full, the last word of its name standing alone
/// is the club (even at a sentence's start, where a capital proves
/// nothing), unless it starts a longer name (`City Hall`, `City of
/// London`) or ends one.
pub(super) fn club_short_names(text: &str, toks: &[Token], names: &mut Vec<Cand>) {
    let shorts: Vec<&str> = names
        .iter()
        .filter(|c| c.kind == EntityKind::Organization && c.b >= c.a + 2)
        .map(|c| toks[c.b - 1].text(text))
        .filter(|w| is_club_short_name(w))
        .collect();
    if shorts.is_empty() {
        return;
    }
    let mut covered = vec![false; toks.len()];
    for c in names.iter() {
        for slot in covered.iter_mut().take(c.b).skip(c.a) {
            *slot = true;
        }
    }
    let joined = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.has(SPACE) && !t.has(LINE_START))
    };
    let found: Vec<usize> = (0..toks.len())
        .filter(|&k| {
            let t = toks[k];
            let next_name = joined(k + 1)
                && toks[k + 1].is_word()
                && (toks[k + 1].is_capitalised() || toks[k + 1].text(text) == "of");
            let prev_name = k > 0 && joined(k) && toks[k - 1].is_capitalised();
            !covered[k]
                && t.is_word()
                && t.has(CAP)
                && !t.has(UPPER)
                && shorts.contains(&t.text(text))
                && !next_name
                && !prev_name
        })
        .collect();
    for k in found {
        settle(names, k, k + 1, EntityKind::Organization);
    }
}

#[cfg(test)]
mod tests {
    use crate::highlight::{EntityKind, highlight};

    fn spans(text: &str) -> Vec<(String, EntityKind)> {
        highlight(text)
            .into_iter()
            .map(|s| (text[s.start..s.end].to_string(), s.kind))
            .collect()
    }

    fn has(text: &str, name: &str, kind: EntityKind) -> bool {
        spans(text).iter().any(|(n, k)| n == name && *k == kind)
    }

    #[test]
    fn a_line_up_names_players() {
        let text = "Arsenal (4-3-3): Raya; White, Saliba, Gabriel; Rice (Nwaneri 80), Ødegaard.\n\
                    Manchester City (4-2-3-1): Donnarumma; Rodri, Reijnders (Cherki 60); Haaland.";
        for player in [
            "White", "Saliba", "Rice", "Nwaneri", "Rodri", "Cherki", "Haaland",
        ] {
            assert!(
                has(text, player, EntityKind::Person),
                "{player}: {:?}",
                spans(text)
            );
        }
        assert!(has(text, "Arsenal", EntityKind::Organization));
        assert!(has(text, "80", EntityKind::Number));
    }

    #[test]
    fn a_colon_alone_opens_no_line_up() {
        let text = "Agenda: Paris, London and Rome.";
        assert!(has(text, "Paris", EntityKind::Place));
        assert!(has(text, "Rome", EntityKind::Place));
    }

    #[test]
    fn a_club_named_in_full_lends_its_short_name() {
        let text = "Arsenal beat Manchester City 2-1. City had the better of the second half, \
                    and the City Hall crowd cheered.";
        let found = spans(text);
        assert!(
            found
                .iter()
                .filter(|(n, k)| n == "City" && *k == EntityKind::Organization)
                .count()
                == 1,
            "{found:?}"
        );
    }

    #[test]
    fn a_short_name_needs_its_club() {
        let text = "The city council met. City officials said the plan was ready.";
        assert!(!has(text, "City", EntityKind::Organization));
    }
}

//! Market reports: an index, a crude benchmark or a government's bonds
//! named by the word that also names a body or a place are names there.

use super::EntityKind;
use super::names::Cand;
use super::token::{LOWER, SPACE, Token};
use super::words::one_of;

/// Short names of stock indexes that also name their exchange, their
/// publisher or nothing else the lists know (`Nikkei`, `Nasdaq`).
fn is_index_word(w: &str) -> bool {
    one_of!(
        w,
        "FTSE"
            | "Nikkei"
            | "Stoxx"
            | "STOXX"
            | "DAX"
            | "Dax"
            | "CAC"
            | "Kospi"
            | "KOSPI"
            | "Topix"
            | "TOPIX"
            | "Sensex"
            | "Nifty"
            | "Nasdaq"
            | "Dow"
            | "Seng"
            | "ASX"
            | "TSX"
            | "Bovespa"
            | "Merval"
    )
}

/// What an index does in a market report: `closed up`, `fell 1%`.
fn is_move(w: &str) -> bool {
    one_of!(
        w,
        "rose"
            | "fell"
            | "closed"
            | "ended"
            | "finished"
            | "opened"
            | "gained"
            | "lost"
            | "slipped"
            | "added"
            | "dropped"
            | "climbed"
            | "jumped"
            | "slid"
            | "eased"
            | "edged"
            | "rallied"
            | "tumbled"
            | "advanced"
            | "declined"
            | "rebounded"
            | "sank"
            | "surged"
            | "soared"
            | "plunged"
            | "retreated"
            | "up"
            | "down"
            | "rises"
            | "falls"
            | "gains"
            | "slips"
    )
}

/// Government bonds by their issuer's short name: `Treasury yields`,
/// `10-year Treasury notes`, `Bund yields`.
fn is_bond_word(w: &str) -> bool {
    one_of!(
        w,
        "Treasury" | "Treasuries" | "Bund" | "Bunds" | "Gilt" | "Gilts" | "JGB" | "JGBs" | "BTP"
    )
}

/// What is said of bonds: `yields`, `notes`, `prices`.
fn is_bond_noun(w: &str) -> bool {
    one_of!(
        w,
        "yield" | "yields" | "note" | "notes" | "bond" | "bonds" | "bill" | "bills" | "prices"
    )
}

/// `Japan's Nikkei closed up 0.3%`, `Nasdaq down 0.9%` (the index, not the
/// exchange that `Nasdaq said` names), `Brent crude`, `West Texas
/// Intermediate crude`, `Treasury yields`, `German 10-year Bund yields`:
/// names, as the guidelines read indexes and benchmarks.
pub(super) fn market_names(text: &str, toks: &[Token], names: &mut [Cand]) {
    let small = |k: usize| {
        toks.get(k)
            .filter(|t| t.has(LOWER) && t.has(SPACE))
            .map(|t| t.text(text))
    };
    for c in names.iter_mut() {
        let last = toks[c.b - 1].text(text);
        let next = small(c.b);
        let index = is_index_word(last)
            && (next.is_some_and(is_move)
                || (matches!(next, Some("was" | "is")) && small(c.b + 1).is_some_and(is_move)));
        // (`US crude` is the country's)
        let benchmark = next == Some("crude") && c.kind != EntityKind::Place;
        let bond = c.b == c.a + 1 && is_bond_word(last) && next.is_some_and(is_bond_noun);
        if index || benchmark || bond {
            c.kind = EntityKind::Name;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::highlight::{EntityKind, highlight};

    fn kind_of(text: &str, name: &str) -> Option<EntityKind> {
        highlight(text)
            .into_iter()
            .find(|s| &text[s.start..s.end] == name)
            .map(|s| s.kind)
    }

    #[test]
    fn indexes_that_move_are_names() {
        let text = "Japan's Nikkei closed up 0.3%, while the Nasdaq fell 0.9%.";
        assert_eq!(kind_of(text, "Nikkei"), Some(EntityKind::Name));
        assert_eq!(kind_of(text, "Nasdaq"), Some(EntityKind::Name));
        let text = "The company listed its shares on Nasdaq, and Nasdaq said trading would start.";
        assert_eq!(kind_of(text, "Nasdaq"), Some(EntityKind::Organization));
    }

    #[test]
    fn crude_benchmarks_and_bonds_are_names() {
        let text = "Brent crude futures fell, U.S. West Texas Intermediate crude slipped \
                    and 10-year Treasury notes rose as German 10-year Bund yields climbed.";
        assert_eq!(kind_of(text, "Brent"), Some(EntityKind::Name));
        assert_eq!(
            kind_of(text, "West Texas Intermediate"),
            Some(EntityKind::Name)
        );
        assert_eq!(kind_of(text, "Treasury"), Some(EntityKind::Name));
        assert_eq!(kind_of(text, "Bund"), Some(EntityKind::Name));
        assert_eq!(
            kind_of("US crude stocks fell.", "US"),
            Some(EntityKind::Place)
        );
        let text = "The Treasury said the Treasury Secretary would speak.";
        assert_eq!(kind_of(text, "Treasury"), Some(EntityKind::Organization));
    }
}

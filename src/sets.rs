//! Canonical order for sets of small indices (topic areas, levels, kinds, choices, questions):
//! ascending, each once. Built with a presence table rather than a comparison sort: linear in
//! the input whatever a link puts in it, and no sort code per element type in the wasm (each
//! `sort_unstable` instantiation ships about 3 KB).

/// Puts `v` in ascending order of `index` and drops repeats. Items whose index is `bound` or
/// more are dropped too: `bound` is the size of the set they come from.
pub fn canonical<T: Copy>(v: &mut Vec<T>, bound: usize, index: impl Fn(T) -> usize) {
    let mut slots: Vec<Option<T>> = vec![None; bound];
    for &x in v.iter() {
        if let Some(slot) = slots.get_mut(index(x)) {
            *slot = Some(x);
        }
    }
    v.clear();
    v.extend(slots.into_iter().flatten());
}

/// `canonical` for choice and key-point indices.
pub fn picks(v: &mut Vec<u8>) {
    canonical(v, 256, usize::from);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_once_each_and_bounded() {
        let mut v = vec![5usize, 1, 5, 3, 9, 1, 0];
        canonical(&mut v, 6, |i| i);
        assert_eq!(v, [0, 1, 3, 5], "9 is past the bound");
        let mut p = vec![255u8, 2, 0, 2];
        picks(&mut p);
        assert_eq!(p, [0, 2, 255]);
        let mut empty: Vec<u8> = Vec::new();
        picks(&mut empty);
        assert!(empty.is_empty());
    }
}

//! The decimal digits of a double: exactly, and the shortest that reads
//! back as the same double.
//!
//! The exact expansion uses a small big integer in base 10^9 (a double is
//! `m * 2^e`, so `m * 5^-e` holds its digits when `e < 0`); the shortest
//! is the first rounding of it, from 1 to 17 digits, that parses back to the
//! same double. This replaces the standard library's float formatting,
//! whose tables and two algorithms weigh more in the wasm bundle than
//! everything here.

use alloc::string::String;
use alloc::vec::Vec;

const BASE: u64 = 1_000_000_000;

/// Multiplies a base-10^9 little-endian number by `k` (at most 2^31).
fn mul_small(n: &mut Vec<u32>, k: u64) {
    let mut carry = 0u64;
    for limb in n.iter_mut() {
        let x = u64::from(*limb) * k + carry;
        *limb = (x % BASE) as u32;
        carry = x / BASE;
    }
    while carry > 0 {
        n.push((carry % BASE) as u32);
        carry /= BASE;
    }
}

/// Multiplies by `base^power`, in steps that fit `mul_small`.
fn mul_pow(n: &mut Vec<u32>, base: u64, mut power: u32) {
    // 2^30 and 5^13 are the largest powers under 2^31.
    let (step, chunk) = if base == 2 { (30, 1u64 << 30) } else { (13, 1_220_703_125) };
    while power >= step {
        mul_small(n, chunk);
        power -= step;
    }
    mul_small(n, base.pow(power));
}

/// The exact decimal digits of finite `v` (sign ignored) as `0.d1 d2 ... *
/// 10^exp`, without leading or trailing zeros; empty for zero.
pub(crate) fn exact(v: f64) -> (Vec<u8>, i32) {
    let bits = v.abs().to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    let (m, e) = if biased == 0 { (frac, -1074) } else { (frac | 1 << 52, biased - 1075) };
    if m == 0 {
        return (Vec::new(), 0);
    }
    let mut n = alloc::vec![(m % BASE) as u32, (m / BASE % BASE) as u32];
    let shift = if e >= 0 {
        mul_pow(&mut n, 2, e as u32);
        0
    } else {
        // m / 2^k = m * 5^k / 10^k.
        mul_pow(&mut n, 5, (-e) as u32);
        e
    };
    while n.len() > 1 && n.last() == Some(&0) {
        n.pop();
    }
    let mut digits = Vec::with_capacity(n.len() * 9);
    for (i, limb) in n.iter().rev().enumerate() {
        let mut chunk = [0u8; 9];
        let mut x = *limb;
        for d in chunk.iter_mut().rev() {
            *d = (x % 10) as u8;
            x /= 10;
        }
        if i == 0 {
            let lead = chunk.iter().position(|&d| d != 0).unwrap_or(8);
            digits.extend_from_slice(&chunk[lead..]);
        } else {
            digits.extend_from_slice(&chunk);
        }
    }
    let exp = digits.len() as i32 + shift;
    while digits.last() == Some(&0) {
        digits.pop();
    }
    (digits, exp)
}

/// Rounds digits (as from [`exact`]) to `keep` digits, half away from zero.
pub(crate) fn round(digits: &mut Vec<u8>, exp: &mut i32, keep: usize) {
    if digits.len() <= keep {
        return;
    }
    let up = digits[keep] >= 5;
    digits.truncate(keep);
    if up {
        let mut i = keep;
        loop {
            if i == 0 {
                digits.insert(0, 1);
                *exp += 1;
                break;
            }
            i -= 1;
            if digits[i] == 9 {
                digits[i] = 0;
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    while digits.last() == Some(&0) {
        digits.pop();
    }
}

/// `0.d1 d2 ... * 10^exp` in scientific notation, as the parser reads it.
pub(crate) fn scientific(digits: &[u8], exp: i32) -> String {
    let mut s = String::with_capacity(digits.len() + 8);
    s.push((b'0' + digits[0]) as char);
    if digits.len() > 1 {
        s.push('.');
        s.extend(digits[1..].iter().map(|&d| (b'0' + d) as char));
    }
    s.push('e');
    let e = exp - 1;
    if e < 0 {
        s.push('-');
    }
    let mut buf = [0u8; 4];
    let mut n = e.unsigned_abs();
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    s.extend(buf[i..].iter().map(|&b| b as char));
    s
}

/// The fewest digits that read back as `v` exactly (sign ignored).
pub(crate) fn shortest(v: f64) -> (Vec<u8>, i32) {
    let (digits, exp) = exact(v);
    if digits.is_empty() {
        return (digits, exp);
    }
    let target = v.abs();
    for keep in 1..=17 {
        let (mut d, mut e) = (digits.clone(), exp);
        round(&mut d, &mut e, keep);
        if scientific(&d, e).parse::<f64>() == Ok(target) {
            return (d, e);
        }
    }
    (digits, exp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(v: f64) -> String {
        let (d, e) = shortest(v);
        if d.is_empty() {
            return String::from("0");
        }
        scientific(&d, e)
    }

    #[test]
    fn exact_expansions() {
        assert_eq!(exact(0.5), (alloc::vec![5], 0));
        assert_eq!(exact(0.125), (alloc::vec![1, 2, 5], 0));
        assert_eq!(exact(1024.0), (alloc::vec![1, 0, 2, 4], 4));
        assert_eq!(exact(0.0), (Vec::new(), 0));
        // 0.1 is not 1/10: its expansion has 55 digits.
        let (d, e) = exact(0.1);
        assert_eq!(e, 0);
        assert_eq!(d.len(), 55);
        assert_eq!(&d[..4], &[1, 0, 0, 0]);
    }

    #[test]
    fn shortest_round_trips() {
        assert_eq!(text(0.1), "1e-1");
        assert_eq!(text(0.1 + 0.2), "3.0000000000000004e-1");
        assert_eq!(text(3.125), "3.125e0");
        assert_eq!(text(1e21), "1e21");
        assert_eq!(text(f64::MAX), "1.7976931348623157e308");
        assert_eq!(text(5e-324), "5e-324");
        assert_eq!(text(179_351.257_593_233_6), "1.793512575932336e5");
        for &v in &[1.0 / 3.0, 2.0f64.sqrt(), 123_456_789.123, 9.506_621_552_043_429e-6, 1e-300, 6.02e23] {
            assert_eq!(text(v).parse::<f64>(), Ok(v), "{v}");
        }
    }
}

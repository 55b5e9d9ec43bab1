//! Exact conversions between doubles and decimal text, both ways.
//!
//! A double is `m * 2^e`; a small big integer in base 10^9 holds `m * 2^e`
//! or `m * 5^-e` exactly, which gives the exact decimal digits of any double
//! and lets [`parse`] compare a decimal with the midpoints between doubles
//! to round correctly. The shortest digits that read back as a double are
//! the first rounding of its exact digits, from 1 to 17 digits, that
//! [`parse`] gives back. This replaces the standard library's float
//! formatting and parsing, whose tables and several algorithms weigh more
//! in the wasm bundle than everything here.

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

/// Compares two numbers in base 10^9.
fn cmp_big(a: &[u32], b: &[u32]) -> core::cmp::Ordering {
    let trim = |x: &[u32]| x.len() - x.iter().rev().take_while(|&&l| l == 0).count();
    let (la, lb) = (trim(a), trim(b));
    la.cmp(&lb).then_with(|| a[..la].iter().rev().cmp(b[..lb].iter().rev()))
}

/// The number `digits * 10^p10 * 2^p2` (both powers non-negative) in base
/// 10^9.
fn big(digits: &[u8], p10: u32, p2: u32) -> Vec<u32> {
    let mut n = alloc::vec![0u32];
    for chunk in digits.chunks(9) {
        let mut scale = 1u64;
        let mut add = 0u64;
        for &d in chunk {
            scale *= 10;
            add = add * 10 + u64::from(d);
        }
        mul_small(&mut n, scale);
        let mut carry = add;
        for limb in n.iter_mut() {
            let x = u64::from(*limb) + carry;
            *limb = (x % BASE) as u32;
            carry = x / BASE;
            if carry == 0 {
                break;
            }
        }
        if carry > 0 {
            n.push(carry as u32);
        }
    }
    mul_pow(&mut n, 5, p10);
    mul_pow(&mut n, 2, p10 + p2);
    n
}

/// Exact powers of ten that a double holds (10^22 is the last).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// Reads a decimal (`12`, `1.5`, `.5`, `2.5e-3`, `1E6`) as the nearest
/// double, ties to even; `None` when the text is not a decimal. Magnitudes
/// beyond the largest double give infinity.
pub(crate) fn parse(text: &str) -> Option<f64> {
    parse_scaled(text, 0)
}

/// A percentage's value from the digits written (`99.9`, `1_000`): its
/// hundredth rounded once, as a literal `99.9%` reads (0.999).
pub(crate) fn hundredth(text: &str) -> Option<f64> {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    parse_scaled(&clean, -2)
}

/// As [`parse`], of the decimal times `10^shift`, rounded once: `99.9`
/// percent is 0.999 as written, where `99.9 / 100` is 0.9990000000000001.
pub(crate) fn parse_scaled(text: &str, shift: i64) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut digits: Vec<u8> = Vec::new();
    let mut exp10: i64 = shift;
    let mut i = 0;
    let mut seen_digit = false;
    let mut seen_point = false;
    while i < bytes.len() {
        match bytes[i] {
            b'0'..=b'9' => {
                seen_digit = true;
                let d = bytes[i] - b'0';
                if digits.is_empty() && d == 0 {
                    // A leading zero: only its place after the point counts.
                    if seen_point {
                        exp10 -= 1;
                    }
                } else if digits.len() < 800 {
                    digits.push(d);
                    if seen_point {
                        exp10 -= 1;
                    }
                } else if !seen_point {
                    // Beyond 800 digits nothing changes the nearest double
                    // but a tie, and no tie carries that many digits.
                    exp10 += 1;
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        i += 1;
    }
    if !seen_digit {
        return None;
    }
    if i < bytes.len() {
        if bytes[i] != b'e' && bytes[i] != b'E' {
            return None;
        }
        i += 1;
        let neg = match bytes.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        let mut e: i64 = 0;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            e = (e * 10 + i64::from(bytes[i] - b'0')).min(1_000_000);
            i += 1;
        }
        if i == start || i < bytes.len() {
            return None;
        }
        exp10 += if neg { -e } else { e };
    }
    while digits.last() == Some(&0) {
        digits.pop();
        exp10 += 1;
    }
    if digits.is_empty() {
        return Some(0.0);
    }
    let magnitude = digits.len() as i64 + exp10;
    if magnitude > 310 {
        return Some(f64::INFINITY);
    }
    if magnitude < -330 {
        return Some(0.0);
    }
    // Exact in one rounding: a mantissa under 2^53 and a power of ten that
    // a double holds exactly.
    if digits.len() <= 15 && exp10.unsigned_abs() <= 22 {
        let w = digits.iter().fold(0u64, |w, &d| w * 10 + u64::from(d)) as f64;
        let p = POW10[exp10.unsigned_abs() as usize];
        return Some(if exp10 >= 0 { w * p } else { w / p });
    }
    // An estimate within a few units in the last place, then corrected by
    // comparing the decimal exactly with the midpoints around it.
    let lead: Vec<u8> = digits.iter().copied().take(17).collect();
    let w = lead.iter().fold(0u64, |w, &d| w * 10 + u64::from(d)) as f64;
    let shift = exp10 + (digits.len() - lead.len()) as i64;
    // Two halves of the power, so that neither over- nor underflows on the
    // way to a result near the ends of the range.
    let half = shift / 2;
    let mut x = w * libm::pow(10.0, half as f64) * libm::pow(10.0, (shift - half) as f64);
    if !x.is_finite() {
        x = f64::MAX;
    }
    for _ in 0..64 {
        let bits = x.to_bits();
        let biased = (bits >> 52) as i64;
        let frac = bits & ((1 << 52) - 1);
        let (m, e) = if biased == 0 { (frac, -1074) } else { (frac | 1 << 52, biased - 1075) };
        // Compare digits * 10^exp10 with (2m + 1) * 2^(e - 1), the midpoint
        // above x, both made whole numbers.
        let compare = |twice: u64, e2: i64| -> core::cmp::Ordering {
            let (lp10, rp10) = if exp10 >= 0 { (exp10 as u32, 0) } else { (0, (-exp10) as u32) };
            let (lp2, rp2) = if e2 >= 0 { (0, e2 as u32) } else { ((-e2) as u32, 0) };
            let left = big(&digits, lp10, lp2);
            let mut twice_digits = Vec::new();
            let mut t = twice;
            while t > 0 {
                twice_digits.push((t % 10) as u8);
                t /= 10;
            }
            twice_digits.reverse();
            let right = big(&twice_digits, rp10, rp2);
            cmp_big(&left, &right)
        };
        let above = compare(2 * m + 1, e - 1);
        // The gap below is half as wide at a power of two.
        let below = if m == 1 << 52 && biased > 1 {
            compare(4 * m - 1, e - 2)
        } else {
            compare((2 * m).saturating_sub(1), e - 1)
        };
        use core::cmp::Ordering::*;
        match (above, below) {
            (Greater, _) => {
                if x == f64::MAX {
                    return Some(f64::INFINITY);
                }
                x = f64::from_bits(bits + 1);
            }
            (Equal, _) if m & 1 == 1 => return Some(f64::from_bits(bits + 1)),
            (_, Less) if m > 0 => x = f64::from_bits(bits - 1),
            (_, Equal) if m & 1 == 1 && m > 0 => return Some(f64::from_bits(bits - 1)),
            _ => return Some(x),
        }
    }
    Some(x)
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

/// The shortest digits of a normal double between about 1e-8 and 1e36,
/// found without big numbers: fifteen digits from one multiplication by an
/// exact power of ten, kept when they read back as the double (checked the
/// same exact way). One such decimal at most can read back, so it is the
/// shortest one padded with zeros. `None` sends the caller to the exact
/// path.
fn fifteen_fast(target: f64) -> Option<(Vec<u8>, i32)> {
    if !(target >= f64::MIN_POSITIVE && target.is_finite()) {
        return None;
    }
    let e10 = libm::floor(libm::log10(target)) as i32;
    let k = 14 - e10;
    let p = *POW10.get(k.unsigned_abs() as usize)?;
    let m = libm::round(if k >= 0 { target * p } else { target / p });
    if !(1e14..1e15).contains(&m) {
        return None;
    }
    // m < 2^53 and p is exact, so this is one correctly rounded operation.
    let back = if k >= 0 { m / p } else { m * p };
    if back != target {
        return None;
    }
    Some((digits_of(m as u64, 15), e10 + 1))
}

/// Seventeen significant digits of `v` (sign ignored) from floating-point
/// scaling, within a few units of the last digit: enough for anything that
/// rounds to fifteen digits or fewer, and cheap at every magnitude.
fn approx17(v: f64) -> (Vec<u8>, i32) {
    let v = v.abs();
    if v == 0.0 || !v.is_finite() {
        return (Vec::new(), 0);
    }
    let mut e10 = libm::floor(libm::log10(v)) as i32;
    let k = 16 - e10;
    let half = k / 2;
    // Two halves of the power: a tiny value times 10^330 at once would
    // overflow the power itself.
    let mut m = libm::round(v * libm::pow(10.0, f64::from(half)) * libm::pow(10.0, f64::from(k - half)));
    if m >= 1e17 {
        m = libm::round(m / 10.0);
        e10 += 1;
    } else if m < 1e16 {
        m *= 10.0;
        e10 -= 1;
    }
    (digits_of(m as u64, 17), e10 + 1)
}

/// The `len` decimal digits of `n` (leading zeros kept), without trailing
/// zeros.
fn digits_of(mut n: u64, len: usize) -> Vec<u8> {
    let mut digits = alloc::vec![0u8; len];
    for d in digits.iter_mut().rev() {
        *d = (n % 10) as u8;
        n /= 10;
    }
    while digits.last() == Some(&0) {
        digits.pop();
    }
    digits
}

/// Digits of `v` good for reading (sign ignored): the shortest round-trip
/// digits for the numbers people write, seventeen close digits at the
/// extremes of magnitude, where the exact expansion would cost too much to
/// show thousands of values.
pub(crate) fn readable(v: f64) -> (Vec<u8>, i32) {
    fifteen_fast(v.abs()).unwrap_or_else(|| approx17(v))
}

/// The fewest digits that read back as `v` exactly (sign ignored).
pub(crate) fn shortest(v: f64) -> (Vec<u8>, i32) {
    if let Some(fast) = fifteen_fast(v.abs()) {
        return fast;
    }
    let (digits, exp) = exact(v);
    if digits.is_empty() {
        return (digits, exp);
    }
    let target = v.abs();
    // If fifteen digits read back, the shortest is those digits without
    // their trailing zeros: a shorter decimal that reads back lies on the
    // same fifteen-digit grid. Most numbers people write stop here.
    // Subnormals hold fewer digits, so the argument fails: search them all.
    let first = if target < f64::MIN_POSITIVE { 1 } else { 15 };
    for keep in first..=17 {
        let (mut d, mut e) = (digits.clone(), exp);
        round(&mut d, &mut e, keep);
        if parse(&scientific(&d, e)) == Some(target) {
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
    fn a_percentage_is_rounded_once() {
        assert_eq!(parse_scaled("99.9", -2), Some(0.999));
        assert_eq!(parse_scaled("12.345678", -2), Some(0.12345678));
        assert_eq!(parse_scaled("1e3", -2), Some(10.0));
        assert_eq!(parse_scaled("0", -2), Some(0.0));
    }

    #[test]
    fn parse_is_exact() {
        for text in [
            "0",
            "1",
            "1.5",
            ".5",
            "0.05",
            "100",
            "1e6",
            "2.5e-3",
            "1E22",
            "123456789012345678901234567890",
            "0.1",
            "0.30000000000000004",
            "9007199254740993",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "2.2250738585072011e-308",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "1e-400",
            "1e400",
            "3.0000000000000004e-1",
            "8.98846567431158e307",
            "0.000009506621552043429",
            "179351.2575932336",
            "1.00000000000000011102230246251565404236316680908203125",
            "1.00000000000000011102230246251565404236316680908203124",
        ] {
            assert_eq!(parse(text), text.parse::<f64>().ok(), "{text}");
        }
        for bad in ["", ".", "e5", "1e", "1e+", "1.2.3", "1x"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn readable_digits_are_close_at_every_magnitude() {
        for &v in &[1.0, 0.15, 123.456, 1e-300, 4.9e-324, 1.7976931348623157e308, 2.5e-8, 6.02e23, 0.1 + 0.2] {
            let (d, e) = readable(v);
            let back: f64 = scientific(&d, e).parse().unwrap();
            assert!((back - v).abs() <= v.abs() * 1e-15, "{v} read as {back}");
        }
        // The numbers people write keep their shortest digits.
        assert_eq!(readable(0.15), (alloc::vec![1, 5], 0));
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

    mod properties {
        use super::super::*;
        use alloc::format;
        use proptest::prelude::*;

        fn finite() -> impl Strategy<Value = f64> {
            any::<u64>().prop_map(f64::from_bits).prop_filter("finite", |v| v.is_finite())
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

            /// Any double printed with any precision parses as the standard
            /// library parses it.
            #[test]
            fn parse_agrees_with_std_on_printed_doubles(v in finite(), p in 0usize..20) {
                let text = format!("{:.*e}", p, v.abs());
                prop_assert_eq!(parse(&text), text.parse::<f64>().ok(), "{}", text);
            }

            /// Arbitrary decimals, long ones and extreme exponents too.
            #[test]
            fn parse_agrees_with_std_on_any_decimal(int in "[0-9]{1,30}", frac in "[0-9]{0,30}", e in -360i32..360) {
                let text = format!("{int}.{frac}e{e}");
                prop_assert_eq!(parse(&text), text.parse::<f64>().ok(), "{}", text);
            }

            /// The shortest digits are the standard library's shortest digits.
            #[test]
            fn shortest_matches_std(v in finite()) {
                let (d, e) = shortest(v);
                let ours = if d.is_empty() { String::from("0e0") } else { scientific(&d, e) };
                prop_assert_eq!(ours, format!("{:e}", v.abs()));
            }
        }
    }
}

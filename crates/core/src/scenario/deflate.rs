//! zlib streams (RFC 1950 around RFC 1951 deflate), small enough for the
//! wasm bundle: the encoder finds repeats with a hash chain and writes one
//! block with the fixed Huffman codes (model text compresses to about half);
//! the decoder reads every block type, so any zlib stream decodes, and stops
//! at an output limit, so a crafted link cannot inflate without bound.

use alloc::vec::Vec;

/// Why a stream could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InflateError {
    /// Not a zlib stream, cut short, or corrupt (checksum included).
    Damaged,
    /// The output would pass the limit.
    TooLarge,
}

/// Base lengths of length codes 257..285, and their extra bits.
const LEN_BASE: [u16; 29] =
    [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA: [u8; 29] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
/// Base distances of distance codes 0..29, and their extra bits.
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
    8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] =
    [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

/// Adler-32 checksum (RFC 1950).
fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += u32::from(x);
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    b << 16 | a
}

// ----------------------------------------------------------------- encode

/// Writes bits least significant first, as deflate packs them.
struct BitWriter {
    out: Vec<u8>,
    acc: u32,
    n: u32,
}

impl BitWriter {
    fn bits(&mut self, value: u32, count: u32) {
        self.acc |= value << self.n;
        self.n += count;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// A Huffman code, which deflate stores most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        let mut rev = 0;
        for i in 0..len {
            rev |= (code >> i & 1) << (len - 1 - i);
        }
        self.bits(rev, len);
    }

    /// A literal/length symbol in the fixed code.
    fn symbol(&mut self, s: u32) {
        match s {
            0..=143 => self.code(0x30 + s, 8),
            144..=255 => self.code(0x190 + s - 144, 9),
            256..=279 => self.code(s - 256, 7),
            _ => self.code(0xc0 + s - 280, 8),
        }
    }

    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// `data` as a zlib stream.
pub fn compress(data: &[u8]) -> Vec<u8> {
    const WINDOW: usize = 32 * 1024;
    const HASH: usize = 1 << 14;
    const CHAIN: usize = 64;
    let mut w = BitWriter { out: Vec::with_capacity(data.len() / 2 + 16), acc: 0, n: 0 };
    // zlib header: deflate with a 32 KiB window, default level, no dictionary.
    w.out.extend_from_slice(&[0x78, 0x9c]);
    w.bits(1, 1); // last block
    w.bits(1, 2); // fixed Huffman codes
    let mut head = alloc::vec![u32::MAX; HASH];
    // The chain only reaches back one window, so it is a ring.
    let mut prev = alloc::vec![u32::MAX; WINDOW];
    let hash = |i: usize| -> usize {
        let h = (u32::from(data[i]) << 16 | u32::from(data[i + 1]) << 8 | u32::from(data[i + 2]))
            .wrapping_mul(2_654_435_761);
        (h >> 18) as usize & (HASH - 1)
    };
    let insert = |i: usize, head: &mut Vec<u32>, prev: &mut Vec<u32>| {
        if i + 2 < data.len() {
            let h = hash(i);
            prev[i % WINDOW] = head[h];
            head[h] = i as u32;
        }
    };
    let mut i = 0;
    while i < data.len() {
        let mut best = (0usize, 0usize);
        if i + 2 < data.len() {
            let mut cand = head[hash(i)];
            let mut steps = 0;
            while cand != u32::MAX && steps < CHAIN {
                let c = cand as usize;
                if i - c > WINDOW {
                    break;
                }
                let max = (data.len() - i).min(258);
                let len = (0..max).take_while(|&k| data[c + k] == data[i + k]).count();
                if len > best.0 {
                    best = (len, i - c);
                    if len == max {
                        break;
                    }
                }
                let next = prev[c % WINDOW];
                // A ring slot rewritten by a newer position ends the chain.
                if next != u32::MAX && next as usize >= c {
                    break;
                }
                cand = next;
                steps += 1;
            }
        }
        if best.0 >= 3 {
            let (len, dist) = best;
            let lc = LEN_BASE.iter().rposition(|&b| usize::from(b) <= len).unwrap_or(0);
            w.symbol(257 + lc as u32);
            w.bits((len - usize::from(LEN_BASE[lc])) as u32, u32::from(LEN_EXTRA[lc]));
            let dc = DIST_BASE.iter().rposition(|&b| usize::from(b) <= dist).unwrap_or(0);
            w.code(dc as u32, 5);
            w.bits((dist - usize::from(DIST_BASE[dc])) as u32, u32::from(DIST_EXTRA[dc]));
            for k in i..i + len {
                insert(k, &mut head, &mut prev);
            }
            i += len;
        } else {
            w.symbol(u32::from(data[i]));
            insert(i, &mut head, &mut prev);
            i += 1;
        }
    }
    w.symbol(256);
    let mut out = w.finish();
    out.extend_from_slice(&adler32(data).to_be_bytes());
    out
}

// ----------------------------------------------------------------- decode

/// Reads bits least significant first.
struct BitReader<'a> {
    data: &'a [u8],
    pos: usize,
    acc: u32,
    n: u32,
}

impl BitReader<'_> {
    fn bits(&mut self, count: u32) -> Result<u32, InflateError> {
        while self.n < count {
            let byte = *self.data.get(self.pos).ok_or(InflateError::Damaged)?;
            self.pos += 1;
            self.acc |= u32::from(byte) << self.n;
            self.n += 8;
        }
        let v = self.acc & ((1u32 << count) - 1);
        self.acc >>= count;
        self.n -= count;
        Ok(v)
    }
}

/// A canonical Huffman code: how many codes of each length, and the
/// symbols in code order.
struct Huffman {
    counts: [u16; 16],
    symbols: Vec<u16>,
}

impl Huffman {
    fn new(lengths: &[u8]) -> Result<Huffman, InflateError> {
        let mut counts = [0u16; 16];
        for &l in lengths {
            counts[usize::from(l)] += 1;
        }
        counts[0] = 0;
        // An over-subscribed code is corrupt; an incomplete one is allowed.
        let mut left = 1i32;
        for &c in &counts[1..] {
            left = left * 2 - i32::from(c);
            if left < 0 {
                return Err(InflateError::Damaged);
            }
        }
        let mut offsets = [0u16; 16];
        for l in 1..15 {
            offsets[l + 1] = offsets[l] + counts[l];
        }
        let mut symbols = alloc::vec![0u16; lengths.len()];
        for (s, &l) in lengths.iter().enumerate() {
            if l != 0 {
                symbols[usize::from(offsets[usize::from(l)])] = s as u16;
                offsets[usize::from(l)] += 1;
            }
        }
        Ok(Huffman { counts, symbols })
    }

    fn decode(&self, r: &mut BitReader) -> Result<u16, InflateError> {
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for len in 1..16 {
            code |= r.bits(1)? as i32;
            let count = i32::from(self.counts[len]);
            if code - count < first {
                return self.symbols.get((index + code - first) as usize).copied().ok_or(InflateError::Damaged);
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        Err(InflateError::Damaged)
    }
}

/// The contents of a zlib stream, refusing to grow past `limit` bytes.
pub fn decompress(stream: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    let [cmf, flg, ..] = *stream else { return Err(InflateError::Damaged) };
    if cmf & 0x0f != 8 || (u16::from(cmf) << 8 | u16::from(flg)) % 31 != 0 || flg & 0x20 != 0 {
        return Err(InflateError::Damaged);
    }
    let mut r = BitReader { data: &stream[2..], pos: 0, acc: 0, n: 0 };
    let mut out: Vec<u8> = Vec::new();
    loop {
        let last = r.bits(1)?;
        match r.bits(2)? {
            0 => {
                // Stored: realign to a byte, then LEN and its complement.
                r.acc = 0;
                r.n = 0;
                let len = r.bits(16)?;
                let nlen = r.bits(16)?;
                if len != !nlen & 0xffff {
                    return Err(InflateError::Damaged);
                }
                let start = r.pos;
                let bytes = r.data.get(start..start + len as usize).ok_or(InflateError::Damaged)?;
                if out.len() + bytes.len() > limit {
                    return Err(InflateError::TooLarge);
                }
                out.extend_from_slice(bytes);
                r.pos += len as usize;
            }
            1 => {
                let mut lengths = [0u8; 288];
                for (s, l) in lengths.iter_mut().enumerate() {
                    *l = match s {
                        0..=143 => 8,
                        144..=255 => 9,
                        256..=279 => 7,
                        _ => 8,
                    };
                }
                let lit = Huffman::new(&lengths)?;
                let dist = Huffman::new(&[5; 30])?;
                codes(&mut r, &mut out, &lit, &dist, limit)?;
            }
            2 => {
                let (lit, dist) = dynamic_tables(&mut r)?;
                codes(&mut r, &mut out, &lit, &dist, limit)?;
            }
            _ => return Err(InflateError::Damaged),
        }
        if last == 1 {
            break;
        }
    }
    let at = 2 + r.pos;
    let sum = stream.get(at..at + 4).ok_or(InflateError::Damaged)?;
    if u32::from_be_bytes([sum[0], sum[1], sum[2], sum[3]]) != adler32(&out) {
        return Err(InflateError::Damaged);
    }
    Ok(out)
}

/// The code tables of a dynamic block.
fn dynamic_tables(r: &mut BitReader) -> Result<(Huffman, Huffman), InflateError> {
    const ORDER: [usize; 19] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
    let nlen = r.bits(5)? as usize + 257;
    let ndist = r.bits(5)? as usize + 1;
    let ncode = r.bits(4)? as usize + 4;
    if nlen > 286 || ndist > 30 {
        return Err(InflateError::Damaged);
    }
    let mut code_lengths = [0u8; 19];
    for &o in &ORDER[..ncode] {
        code_lengths[o] = r.bits(3)? as u8;
    }
    let lencode = Huffman::new(&code_lengths)?;
    let mut lengths = [0u8; 316];
    let mut i = 0;
    while i < nlen + ndist {
        let sym = lencode.decode(r)?;
        let (value, repeat) = match sym {
            0..=15 => (sym as u8, 1),
            16 => (*lengths.get(i.wrapping_sub(1)).filter(|_| i > 0).ok_or(InflateError::Damaged)?, 3 + r.bits(2)?),
            17 => (0, 3 + r.bits(3)?),
            _ => (0, 11 + r.bits(7)?),
        };
        for _ in 0..repeat {
            *lengths.get_mut(i).filter(|_| i < nlen + ndist).ok_or(InflateError::Damaged)? = value;
            i += 1;
        }
    }
    if lengths[256] == 0 {
        return Err(InflateError::Damaged);
    }
    Ok((Huffman::new(&lengths[..nlen])?, Huffman::new(&lengths[nlen..nlen + ndist])?))
}

/// The literals and back-references of one block, up to its end code.
fn codes(
    r: &mut BitReader,
    out: &mut Vec<u8>,
    lit: &Huffman,
    dist: &Huffman,
    limit: usize,
) -> Result<(), InflateError> {
    loop {
        let sym = lit.decode(r)?;
        match sym {
            0..=255 => {
                if out.len() >= limit {
                    return Err(InflateError::TooLarge);
                }
                out.push(sym as u8);
            }
            256 => return Ok(()),
            _ => {
                let s = usize::from(sym - 257);
                let len = usize::from(*LEN_BASE.get(s).ok_or(InflateError::Damaged)?)
                    + r.bits(u32::from(LEN_EXTRA[s]))? as usize;
                let d = usize::from(dist.decode(r)?);
                let back = usize::from(*DIST_BASE.get(d).ok_or(InflateError::Damaged)?)
                    + r.bits(u32::from(DIST_EXTRA[d]))? as usize;
                if back > out.len() {
                    return Err(InflateError::Damaged);
                }
                if out.len() + len > limit {
                    return Err(InflateError::TooLarge);
                }
                let start = out.len() - back;
                for k in 0..len {
                    out.push(out[start + k]);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for text in [
            &b""[..],
            b"a",
            b"hello hello hello hello, repeated text repeats",
            include_bytes!("../presets/betcode.hr"),
            &[0u8; 70_000],
        ] {
            let z = compress(text);
            assert_eq!(decompress(&z, 1 << 20).as_deref(), Ok(text), "{} bytes", text.len());
        }
    }

    #[test]
    fn model_text_compresses() {
        let text = include_bytes!("../presets/web_service.hr");
        assert!(compress(text).len() * 2 < text.len() + 400, "{} -> {}", text.len(), compress(text).len());
    }

    #[test]
    fn reads_streams_of_other_encoders() {
        // zlib's own output: a fixed block, a stored block, dynamic blocks.
        let fixed =
            [0x78, 0x01, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0xd7, 0x51, 0xc8, 0x40, 0xa2, 0x00, 0x44, 0x28, 0x06, 0xd5];
        assert_eq!(decompress(&fixed, 100).as_deref(), Ok(&b"hello, hello, hello"[..]));
        let dynamic = include_bytes!("testdata/sample.txt.zlib");
        assert_eq!((dynamic[2] >> 1) & 3, 2, "the fixture holds a dynamic block");
        assert_eq!(decompress(dynamic, 1 << 16).as_deref(), Ok(&include_bytes!("testdata/sample.txt")[..]));
        // A stored block.
        let stored = [0x78, 0x01, 0x01, 0x03, 0x00, 0xfc, 0xff, b'a', b'b', b'c', 0x02, 0x4d, 0x01, 0x27];
        assert_eq!(decompress(&stored, 100).as_deref(), Ok(&b"abc"[..]));
    }

    #[test]
    fn refuses_damage_and_bombs() {
        let z = compress(b"some text to protect against damage");
        assert_eq!(decompress(&z[..z.len() - 3], 100), Err(InflateError::Damaged));
        let mut bad = z.clone();
        bad[5] ^= 0x10;
        assert!(decompress(&bad, 100).is_err());
        assert_eq!(decompress(&[0x78], 100), Err(InflateError::Damaged));
        let bomb = compress(&alloc::vec![b'x'; 1 << 20]);
        assert_eq!(decompress(&bomb, 1000), Err(InflateError::TooLarge));
    }
}

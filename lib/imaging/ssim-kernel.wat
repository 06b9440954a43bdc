;; The eval sweep's hot loops (see ssim-kernel.ts) with 128-bit SIMD, two f64 lanes per vector.
;; A pixel's four SSIM moments are 32 bytes, [x, y | x²+y², x·y], read as two f64x2 vectors,
;; exactly the layout of SsimRows.moments. Every sum and product is the one the JS
;; reference (ssim-rows.ts, eval-metrics.ts) computes, in the same order, without FMA, so the
;; results are the same to the last bit. Build: `npm run build:wasm` (wabt); the .wasm is committed.
;;
;; Constants block at $k (set once from JS): kernel weights w[5..10] (centre first), C1, C2.
(module
  (memory (export "memory") 1)
  ;; Error sums of the rows gathered since JS last reset them: Σ|Δ| and ΣΔ² over R, G, B.
  (global $sumAbs (export "sumAbs") (mut f64) (f64.const 0))
  (global $sumSq (export "sumSq") (mut f64) (f64.const 0))

  ;; One row of two RGB(A) images → its moments at $q (32 bytes a pixel) and its error sums.
  ;; $ca/$cb: bytes per pixel (3 or 4; the 4th byte is never used, but is read, so a
  ;; 3-channel row needs one byte of padding). Luma is rgb2gray rounded,
  ;; trunc(wr·r + wg·g + wb·b + 0.5), for both images at once: lane 0 edited, lane 1 reference.
  (func (export "gather") (param $pa i32) (param $ca i32) (param $pb i32) (param $cb i32) (param $n i32) (param $q i32)
    (param $wr f64) (param $wg f64) (param $wb f64)
    (local $end i32) (local $v v128) (local $d v128) (local $xy v128) (local $sq v128)
    (local $absAcc v128) (local $sqAcc v128) (local $WR v128) (local $WG v128) (local $WB v128)
    (local.set $WR (f64x2.splat (local.get $wr)))
    (local.set $WG (f64x2.splat (local.get $wg)))
    (local.set $WB (f64x2.splat (local.get $wb)))
    (local.set $end (i32.add (local.get $q) (i32.shl (local.get $n) (i32.const 5))))
    (block $done
      (br_if $done (i32.eqz (local.get $n)))
      (loop $pixel
        ;; bytes r1 g1 b1 _ r2 g2 b2 _ (edited, reference)
        (local.set $v (v128.load32_lane 1 (local.get $pb) (v128.load32_zero (local.get $pa))))
        ;; Δ = edited − reference as i16 lanes (r, g, b, 0, …); Σ|Δ| in i32 lanes, ΣΔ² in i64 lanes.
        (local.set $d (i16x8.sub
          (i8x16.shuffle 0 16 1 16 2 16 16 16 16 16 16 16 16 16 16 16 (local.get $v) (v128.const i32x4 0 0 0 0))
          (i8x16.shuffle 4 16 5 16 6 16 16 16 16 16 16 16 16 16 16 16 (local.get $v) (v128.const i32x4 0 0 0 0))))
        (local.set $absAcc (i32x4.add (local.get $absAcc) (i32x4.extadd_pairwise_i16x8_u (i16x8.abs (local.get $d)))))
        (local.set $sqAcc (i64x2.add (local.get $sqAcc) (i64x2.extend_low_i32x4_u (i32x4.dot_i16x8_s (local.get $d) (local.get $d)))))
        ;; (x, y) = luma of (edited, reference)
        (local.set $xy (f64x2.trunc (f64x2.add
          (f64x2.add
            (f64x2.add
              (f64x2.mul (local.get $WR) (f64x2.convert_low_i32x4_u
                (i8x16.shuffle 0 16 16 16 4 16 16 16 16 16 16 16 16 16 16 16 (local.get $v) (v128.const i32x4 0 0 0 0))))
              (f64x2.mul (local.get $WG) (f64x2.convert_low_i32x4_u
                (i8x16.shuffle 1 16 16 16 5 16 16 16 16 16 16 16 16 16 16 16 (local.get $v) (v128.const i32x4 0 0 0 0)))))
            (f64x2.mul (local.get $WB) (f64x2.convert_low_i32x4_u
              (i8x16.shuffle 2 16 16 16 6 16 16 16 16 16 16 16 16 16 16 16 (local.get $v) (v128.const i32x4 0 0 0 0)))))
          (v128.const f64x2 0.5 0.5))))
        (v128.store (local.get $q) (local.get $xy))
        ;; (x² + y², x·y)
        (local.set $sq (f64x2.mul (local.get $xy) (local.get $xy)))
        (v128.store offset=16 (local.get $q)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            (f64x2.add (local.get $sq)
              (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $sq) (local.get $sq)))
            (f64x2.mul (local.get $xy)
              (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $xy) (local.get $xy)))))
        (local.set $pa (i32.add (local.get $pa) (local.get $ca)))
        (local.set $pb (i32.add (local.get $pb) (local.get $cb)))
        (local.set $q (i32.add (local.get $q) (i32.const 32)))
        (br_if $pixel (i32.lt_u (local.get $q) (local.get $end)))))
    ;; Integer sums are exact in f64 (< 2^53), so adding them per row keeps the JS totals exactly.
    ;; i32 lanes hold a row's Σ|Δ| up to 4 million pixels wide.
    (global.set $sumAbs (f64.add (global.get $sumAbs) (f64.convert_i32_u (i32.add
      (i32x4.extract_lane 0 (local.get $absAcc)) (i32x4.extract_lane 1 (local.get $absAcc))))))
    (global.set $sumSq (f64.add (global.get $sumSq) (f64.convert_i64_u (i64.add
      (i64x2.extract_lane 0 (local.get $sqAcc)) (i64x2.extract_lane 1 (local.get $sqAcc)))))))

  ;; Valid-mode horizontal 11-tap symmetric filter of the moments at $q into $n outputs at $dst:
  ;; w0·c + w1·(c₋₁ + c₊₁) + … + w5·(c₋₅ + c₊₅), as horizontal11 in ssim-rows.ts.
  (func (export "horizontal") (param $q i32) (param $dst i32) (param $n i32) (param $k i32)
    (local $end i32) (local $W0 v128) (local $W1 v128) (local $W2 v128) (local $W3 v128) (local $W4 v128) (local $W5 v128)
    (local.set $W0 (v128.load64_splat (local.get $k)))
    (local.set $W1 (v128.load64_splat offset=8 (local.get $k)))
    (local.set $W2 (v128.load64_splat offset=16 (local.get $k)))
    (local.set $W3 (v128.load64_splat offset=24 (local.get $k)))
    (local.set $W4 (v128.load64_splat offset=32 (local.get $k)))
    (local.set $W5 (v128.load64_splat offset=40 (local.get $k)))
    (local.set $end (i32.add (local.get $dst) (i32.shl (local.get $n) (i32.const 5))))
    (block $done
      (br_if $done (i32.eqz (local.get $n)))
      (loop $pixel
        ;; $q points at the window's first pixel; its centre is 5 pixels (160 bytes) on.
        (v128.store (local.get $dst) (f64x2.add (f64x2.add (f64x2.add (f64x2.add (f64x2.add
          (f64x2.mul (local.get $W0) (v128.load offset=160 (local.get $q)))
          (f64x2.mul (local.get $W1) (f64x2.add (v128.load offset=128 (local.get $q)) (v128.load offset=192 (local.get $q)))))
          (f64x2.mul (local.get $W2) (f64x2.add (v128.load offset=96 (local.get $q)) (v128.load offset=224 (local.get $q)))))
          (f64x2.mul (local.get $W3) (f64x2.add (v128.load offset=64 (local.get $q)) (v128.load offset=256 (local.get $q)))))
          (f64x2.mul (local.get $W4) (f64x2.add (v128.load offset=32 (local.get $q)) (v128.load offset=288 (local.get $q)))))
          (f64x2.mul (local.get $W5) (f64x2.add (v128.load (local.get $q)) (v128.load offset=320 (local.get $q))))))
        (v128.store offset=16 (local.get $dst) (f64x2.add (f64x2.add (f64x2.add (f64x2.add (f64x2.add
          (f64x2.mul (local.get $W0) (v128.load offset=176 (local.get $q)))
          (f64x2.mul (local.get $W1) (f64x2.add (v128.load offset=144 (local.get $q)) (v128.load offset=208 (local.get $q)))))
          (f64x2.mul (local.get $W2) (f64x2.add (v128.load offset=112 (local.get $q)) (v128.load offset=240 (local.get $q)))))
          (f64x2.mul (local.get $W3) (f64x2.add (v128.load offset=80 (local.get $q)) (v128.load offset=272 (local.get $q)))))
          (f64x2.mul (local.get $W4) (f64x2.add (v128.load offset=48 (local.get $q)) (v128.load offset=304 (local.get $q)))))
          (f64x2.mul (local.get $W5) (f64x2.add (v128.load offset=16 (local.get $q)) (v128.load offset=336 (local.get $q))))))
        (local.set $q (i32.add (local.get $q) (i32.const 32)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
        (br_if $pixel (i32.lt_u (local.get $dst) (local.get $end))))))

  ;; Address of ring row `first + k` (mod 11).
  (func $slot (param $ring i32) (param $stride i32) (param $first i32) (param $k i32) (result i32)
    (i32.add (local.get $ring)
      (i32.mul (i32.rem_u (i32.add (local.get $first) (local.get $k)) (i32.const 11)) (local.get $stride))))

  ;; Vertical 11-tap symmetric sum over the ring's 11 rows (oldest is row $first), fused with
  ;; the SSIM formula, for $n output pixels; returns $total plus their SSIM values, added one
  ;; pixel at a time in order (as verticalSsim11 does). Two pixels per step: their filtered
  ;; moments are regrouped so each SSIM term is one f64x2 operation for both. An odd $n
  ;; reads one pixel past the row (the ring's stride leaves room) and drops its value.
  (func (export "vertical") (param $ring i32) (param $stride i32) (param $first i32) (param $n i32) (param $k i32) (param $total f64) (result f64)
    (local $a5 i32) (local $a4 i32) (local $a3 i32) (local $a2 i32) (local $a1 i32) (local $c i32)
    (local $b1 i32) (local $b2 i32) (local $b3 i32) (local $b4 i32) (local $b5 i32) (local $j i32) (local $end i32)
    (local $W0 v128) (local $W1 v128) (local $W2 v128) (local $W3 v128) (local $W4 v128) (local $W5 v128)
    (local $C1 v128) (local $C2 v128)
    (local $p01 v128) (local $p23 v128) (local $q01 v128) (local $q23 v128)
    (local $mx v128) (local $my v128) (local $mxy v128) (local $m2 v128) (local $s v128)
    (local.set $W0 (v128.load64_splat (local.get $k)))
    (local.set $W1 (v128.load64_splat offset=8 (local.get $k)))
    (local.set $W2 (v128.load64_splat offset=16 (local.get $k)))
    (local.set $W3 (v128.load64_splat offset=24 (local.get $k)))
    (local.set $W4 (v128.load64_splat offset=32 (local.get $k)))
    (local.set $W5 (v128.load64_splat offset=40 (local.get $k)))
    (local.set $C1 (v128.load64_splat offset=48 (local.get $k)))
    (local.set $C2 (v128.load64_splat offset=56 (local.get $k)))
    (local.set $a5 (call $slot (local.get $ring) (local.get $stride) (local.get $first) (i32.const 0)))
    (local.set $a4 (call $slot (local.get $ring) (local.get $stride) (local.get $first) (i32.const 1)))
    (local.set $a3 (call $slot (local.get $ring) (local.get $stride) (local.get $first) (i32.const 2)))
    (local.set $a2 (call $slot (local.get $ring) (local.get $stride) (local.get $first) (i32.const 3)))
    (local.set $a1 (call $slot (local.get $ring) (local.get $stride) (local.get $first) (i32.const 4)))
    (local.set $c (call $slot (local.get $ring) (local.get $stride) (local.get $first) (i32.const 5)))
    (local.set $b1 (call $slot (local.get $ring) (local.get $stride) (local.get $first) (i32.const 6)))
    (local.set $b2 (call $slot (local.get $ring) (local.get $stride) (local.get $first) (i32.const 7)))
    (local.set $b3 (call $slot (local.get $ring) (local.get $stride) (local.get $first) (i32.const 8)))
    (local.set $b4 (call $slot (local.get $ring) (local.get $stride) (local.get $first) (i32.const 9)))
    (local.set $b5 (call $slot (local.get $ring) (local.get $stride) (local.get $first) (i32.const 10)))
    (local.set $end (i32.shl (local.get $n) (i32.const 5)))
    (block $done
      (br_if $done (i32.eqz (local.get $n)))
      (loop $pair
        ;; [mx, my] of pixels j and j + 1 (p01, q01), then their [sq, pr] (p23, q23).
        (local.set $p01 (f64x2.add (f64x2.add (f64x2.add (f64x2.add (f64x2.add
          (f64x2.mul (local.get $W0) (v128.load (i32.add (local.get $c) (local.get $j))))
          (f64x2.mul (local.get $W1) (f64x2.add (v128.load (i32.add (local.get $a1) (local.get $j))) (v128.load (i32.add (local.get $b1) (local.get $j))))))
          (f64x2.mul (local.get $W2) (f64x2.add (v128.load (i32.add (local.get $a2) (local.get $j))) (v128.load (i32.add (local.get $b2) (local.get $j))))))
          (f64x2.mul (local.get $W3) (f64x2.add (v128.load (i32.add (local.get $a3) (local.get $j))) (v128.load (i32.add (local.get $b3) (local.get $j))))))
          (f64x2.mul (local.get $W4) (f64x2.add (v128.load (i32.add (local.get $a4) (local.get $j))) (v128.load (i32.add (local.get $b4) (local.get $j))))))
          (f64x2.mul (local.get $W5) (f64x2.add (v128.load (i32.add (local.get $a5) (local.get $j))) (v128.load (i32.add (local.get $b5) (local.get $j)))))))
        (local.set $q01 (f64x2.add (f64x2.add (f64x2.add (f64x2.add (f64x2.add
          (f64x2.mul (local.get $W0) (v128.load offset=32 (i32.add (local.get $c) (local.get $j))))
          (f64x2.mul (local.get $W1) (f64x2.add (v128.load offset=32 (i32.add (local.get $a1) (local.get $j))) (v128.load offset=32 (i32.add (local.get $b1) (local.get $j))))))
          (f64x2.mul (local.get $W2) (f64x2.add (v128.load offset=32 (i32.add (local.get $a2) (local.get $j))) (v128.load offset=32 (i32.add (local.get $b2) (local.get $j))))))
          (f64x2.mul (local.get $W3) (f64x2.add (v128.load offset=32 (i32.add (local.get $a3) (local.get $j))) (v128.load offset=32 (i32.add (local.get $b3) (local.get $j))))))
          (f64x2.mul (local.get $W4) (f64x2.add (v128.load offset=32 (i32.add (local.get $a4) (local.get $j))) (v128.load offset=32 (i32.add (local.get $b4) (local.get $j))))))
          (f64x2.mul (local.get $W5) (f64x2.add (v128.load offset=32 (i32.add (local.get $a5) (local.get $j))) (v128.load offset=32 (i32.add (local.get $b5) (local.get $j)))))))
        ;; Regroup: mx = [mx_j, mx_j+1], my, and (below) sq, pr likewise.
        (local.set $mx (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $p01) (local.get $q01)))
        (local.set $my (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $p01) (local.get $q01)))
        (local.set $mxy (f64x2.mul (local.get $mx) (local.get $my)))
        (local.set $m2 (f64x2.add (f64x2.mul (local.get $mx) (local.get $mx)) (f64x2.mul (local.get $my) (local.get $my))))
        (local.set $p23 (f64x2.add (f64x2.add (f64x2.add (f64x2.add (f64x2.add
          (f64x2.mul (local.get $W0) (v128.load offset=16 (i32.add (local.get $c) (local.get $j))))
          (f64x2.mul (local.get $W1) (f64x2.add (v128.load offset=16 (i32.add (local.get $a1) (local.get $j))) (v128.load offset=16 (i32.add (local.get $b1) (local.get $j))))))
          (f64x2.mul (local.get $W2) (f64x2.add (v128.load offset=16 (i32.add (local.get $a2) (local.get $j))) (v128.load offset=16 (i32.add (local.get $b2) (local.get $j))))))
          (f64x2.mul (local.get $W3) (f64x2.add (v128.load offset=16 (i32.add (local.get $a3) (local.get $j))) (v128.load offset=16 (i32.add (local.get $b3) (local.get $j))))))
          (f64x2.mul (local.get $W4) (f64x2.add (v128.load offset=16 (i32.add (local.get $a4) (local.get $j))) (v128.load offset=16 (i32.add (local.get $b4) (local.get $j))))))
          (f64x2.mul (local.get $W5) (f64x2.add (v128.load offset=16 (i32.add (local.get $a5) (local.get $j))) (v128.load offset=16 (i32.add (local.get $b5) (local.get $j)))))))
        (local.set $q23 (f64x2.add (f64x2.add (f64x2.add (f64x2.add (f64x2.add
          (f64x2.mul (local.get $W0) (v128.load offset=48 (i32.add (local.get $c) (local.get $j))))
          (f64x2.mul (local.get $W1) (f64x2.add (v128.load offset=48 (i32.add (local.get $a1) (local.get $j))) (v128.load offset=48 (i32.add (local.get $b1) (local.get $j))))))
          (f64x2.mul (local.get $W2) (f64x2.add (v128.load offset=48 (i32.add (local.get $a2) (local.get $j))) (v128.load offset=48 (i32.add (local.get $b2) (local.get $j))))))
          (f64x2.mul (local.get $W3) (f64x2.add (v128.load offset=48 (i32.add (local.get $a3) (local.get $j))) (v128.load offset=48 (i32.add (local.get $b3) (local.get $j))))))
          (f64x2.mul (local.get $W4) (f64x2.add (v128.load offset=48 (i32.add (local.get $a4) (local.get $j))) (v128.load offset=48 (i32.add (local.get $b4) (local.get $j))))))
          (f64x2.mul (local.get $W5) (f64x2.add (v128.load offset=48 (i32.add (local.get $a5) (local.get $j))) (v128.load offset=48 (i32.add (local.get $b5) (local.get $j)))))))
        ;; ((2·mxy + C1)·(2·(pr − mxy) + C2)) / ((m2 + C1)·(sq − m2 + C2)), as ssimAt
        (local.set $s (f64x2.div
          (f64x2.mul
            (f64x2.add (f64x2.mul (v128.const f64x2 2 2) (local.get $mxy)) (local.get $C1))
            (f64x2.add (f64x2.mul (v128.const f64x2 2 2)
              (f64x2.sub (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $p23) (local.get $q23)) (local.get $mxy)))
              (local.get $C2)))
          (f64x2.mul
            (f64x2.add (local.get $m2) (local.get $C1))
            (f64x2.add
              (f64x2.sub (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $p23) (local.get $q23)) (local.get $m2))
              (local.get $C2)))))
        (local.set $total (f64.add (local.get $total) (f64x2.extract_lane 0 (local.get $s))))
        (local.set $j (i32.add (local.get $j) (i32.const 32)))
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        (local.set $total (f64.add (local.get $total) (f64x2.extract_lane 1 (local.get $s))))
        (local.set $j (i32.add (local.get $j) (i32.const 32)))
        (br_if $pair (i32.lt_u (local.get $j) (local.get $end)))))
    (local.get $total))
)

;; The cube kernel of apply-cube.ts (rowLifts, cubeRow) in WebAssembly: the lift's float64
;; operations in the same order, without FMA, and the cube's sums in exact integers, so the
;; same bytes. No bounds checks and no re-checked typed-array fields. Build: `npm run
;; build:wasm` (wabt); the bytes are committed as cube-kernel-wasm.ts. Memory layout (byte
;; offsets, see cube-kernel.ts LAYOUT; the tables are written from JS before each render):
;;        0  CELL_R, CELL_G, CELL_B   i32 × 12288 each (head cell: offset·512 + position)
;;   147456  PRE_R, PRE_G, PRE_B      i32 × 256 each (pre-lift index per code)
;;   150528  LIFT                     i32 × 256 (lift per base level)
;;   151552  CODE                     u8 × 1024 (8-bit output of each node code)
;;   152576  ROW_A, ROW_B             f32 × 1024 each (the row's low-res coefficients)
;;   160768  SPAN_START               i32 × 1024 (first pixel of each span; entry n = width)
;;   164864  SPAN_COLUMN              i32 × 1024 (left low-res column of each span)
;;   168960  SPAN_F0, SPAN_DF         f64 × 1024 each (position at the span's start, step)
;;   185344  rows and cube (addresses passed as arguments); the cube holds 32 bytes a node,
;;           [value·128 + bias, step along R, step along G, step along B], written by JS as
;;           f64 and turned into i64 by toIntegers: exact integers (< 2^51 in magnitude), and
;;           every sum the kernel makes of them is ≥ 0, so its i64 arithmetic and shifts give
;;           the float64 arithmetic and truncations of the JS kernel exactly.
(module
  (memory (export "memory") 4)

  ;; The f64 values at $at ($count of them, 8-aligned) replaced by the same integers as i64.
  (func (export "toIntegers") (param $at i32) (param $count i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $at) (i32.shl (local.get $count) (i32.const 3))))
    (block $done
      (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
      (loop $value
        (i64.store (local.get $at) (i64.trunc_sat_f64_s (f64.load (local.get $at))))
        (local.set $at (i32.add (local.get $at) (i32.const 8)))
        (br_if $value (i32.lt_u (local.get $at) (local.get $end))))))

  ;; Each pixel's lift (i32 at $out) for an RGB row at $src (apply-cube.ts rowLifts): the base
  ;; level a·Y + b with the span's coefficients stepped per pixel, scaled by 2^16.
  (func (export "rowLifts") (param $src i32) (param $width i32) (param $spanCount i32) (param $out i32)
    (local $x i32) (local $i i32) (local $d i32) (local $s i32) (local $next i32) (local $j i32) (local $y i32)
    (local $ca f64) (local $cb f64) (local $sa f64) (local $sb f64)
    (local $f0 f64) (local $df f64) (local $a0 f64) (local $b0 f64) (local $dA f64) (local $dB f64)
    (local.set $i (local.get $src))
    (block $done
      (br_if $done (i32.le_s (local.get $width) (i32.const 0)))
      (loop $pixel
        (if (i32.eq (local.get $x) (local.get $next))
          (then
            (local.set $j (i32.load offset=164864 (i32.shl (local.get $s) (i32.const 2))))
            (local.set $f0 (f64.load offset=168960 (i32.shl (local.get $s) (i32.const 3))))
            (local.set $df (f64.load offset=177152 (i32.shl (local.get $s) (i32.const 3))))
            (local.set $a0 (f64.promote_f32 (f32.load offset=152576 (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $b0 (f64.promote_f32 (f32.load offset=156672 (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $dA (f64.sub (f64.promote_f32 (f32.load offset=152580 (i32.shl (local.get $j) (i32.const 2)))) (local.get $a0)))
            (local.set $dB (f64.sub (f64.promote_f32 (f32.load offset=156676 (i32.shl (local.get $j) (i32.const 2)))) (local.get $b0)))
            ;; ca = (a0 + dA·f0)·65536; cb = (b0 + dB·f0 + 0.5)·65536
            (local.set $ca (f64.mul (f64.add (local.get $a0) (f64.mul (local.get $dA) (local.get $f0))) (f64.const 65536)))
            (local.set $cb (f64.mul (f64.add (f64.add (local.get $b0) (f64.mul (local.get $dB) (local.get $f0))) (f64.const 0.5)) (f64.const 65536)))
            (local.set $sa (f64.mul (f64.mul (local.get $dA) (local.get $df)) (f64.const 65536)))
            (local.set $sb (f64.mul (f64.mul (local.get $dB) (local.get $df)) (f64.const 65536)))
            (local.set $s (i32.add (local.get $s) (i32.const 1)))
            (local.set $next
              (select
                (i32.load offset=160768 (i32.shl (local.get $s) (i32.const 2)))
                (local.get $width)
                (i32.lt_s (local.get $s) (local.get $spanCount))))))
        ;; Y = (54 R + 128 + 183 G + 19 B) >> 8
        (local.set $y
          (i32.shr_s
            (i32.add
              (i32.add
                (i32.add (i32.mul (i32.load8_u (local.get $i)) (i32.const 54)) (i32.const 128))
                (i32.mul (i32.load8_u offset=1 (local.get $i)) (i32.const 183)))
              (i32.mul (i32.load8_u offset=2 (local.get $i)) (i32.const 19)))
            (i32.const 8)))
        (local.set $d
          (i32.load offset=150528
            (i32.shl
              (i32.and
                (i32.shr_s
                  (i32.trunc_sat_f64_s (f64.add (f64.mul (local.get $ca) (f64.convert_i32_s (local.get $y))) (local.get $cb)))
                  (i32.const 16))
                (i32.const 255))
              (i32.const 2))))
        (local.set $ca (f64.add (local.get $ca) (local.get $sa)))
        (local.set $cb (f64.add (local.get $cb) (local.get $sb)))
        (i32.store (i32.add (local.get $out) (i32.shl (local.get $x) (i32.const 2))) (local.get $d))
        (local.set $i (i32.add (local.get $i) (i32.const 3)))
        (local.set $x (i32.add (local.get $x) (i32.const 1)))
        (br_if $pixel (i32.lt_s (local.get $x) (local.get $width))))))

  ;; One RGB row from $src to $dst through the cube at $cube (apply-cube.ts cubeRow), each
  ;; pixel's lift read from $lift (i32): head → cell, branchless tetrahedral interpolation of the
  ;; packed nodes, clip through CODE.
  (func (export "cubeRow") (param $src i32) (param $dst i32) (param $width i32) (param $size i32) (param $lift i32) (param $cube i32)
    (local $x i32) (local $i i32) (local $d i32) (local $sg i32) (local $sr i32)
    (local $tr i32) (local $tg i32) (local $tb i32) (local $fr i32) (local $fg i32) (local $fb i32)
    (local $base i32) (local $gr i32) (local $br i32) (local $bg i32) (local $acc i64)
    (local.set $i (local.get $src))
    (local.set $sg (local.get $size))
    (local.set $sr (i32.mul (local.get $size) (local.get $size)))
    (block $done
      (br_if $done (i32.le_s (local.get $width) (i32.const 0)))
      (loop $pixel
        (local.set $d (i32.load (i32.add (local.get $lift) (i32.shl (local.get $x) (i32.const 2)))))
        (local.set $tr (i32.load (i32.shl (i32.add (i32.load offset=147456 (i32.shl (i32.load8_u (local.get $i)) (i32.const 2))) (local.get $d)) (i32.const 2))))
        (local.set $tg (i32.load offset=49152 (i32.shl (i32.add (i32.load offset=148480 (i32.shl (i32.load8_u offset=1 (local.get $i)) (i32.const 2))) (local.get $d)) (i32.const 2))))
        (local.set $tb (i32.load offset=98304 (i32.shl (i32.add (i32.load offset=149504 (i32.shl (i32.load8_u offset=2 (local.get $i)) (i32.const 2))) (local.get $d)) (i32.const 2))))
        (local.set $fr (i32.and (local.get $tr) (i32.const 511)))
        (local.set $fg (i32.and (local.get $tg) (i32.const 511)))
        (local.set $fb (i32.and (local.get $tb) (i32.const 511)))
        (local.set $base (i32.shr_s (i32.add (i32.add (local.get $tr) (local.get $tg)) (local.get $tb)) (i32.const 9)))
        ;; 1 when the second channel's position is strictly larger (it comes first on the path).
        (local.set $gr (i32.shr_u (i32.sub (local.get $fr) (local.get $fg)) (i32.const 31)))
        (local.set $br (i32.shr_u (i32.sub (local.get $fr) (local.get $fb)) (i32.const 31)))
        (local.set $bg (i32.shr_u (i32.sub (local.get $fg) (local.get $fb)) (i32.const 31)))
        (local.set $acc
          (i64.add
            (i64.add
              (i64.add
                (i64.load (i32.add (local.get $cube) (i32.shl (local.get $base) (i32.const 5))))
                (i64.mul
                  (i64.extend_i32_u (local.get $fr))
                  (i64.load offset=8
                    (i32.add (local.get $cube)
                      (i32.shl
                        (i32.add (i32.add (local.get $base) (i32.and (local.get $sg) (i32.sub (i32.const 0) (local.get $gr)))) (local.get $br))
                        (i32.const 5))))))
              (i64.mul
                (i64.extend_i32_u (local.get $fg))
                (i64.load offset=16
                  (i32.add (local.get $cube)
                    (i32.shl
                      (i32.add (i32.add (local.get $base) (i32.and (local.get $sr) (i32.sub (local.get $gr) (i32.const 1)))) (local.get $bg))
                      (i32.const 5))))))
            (i64.mul
              (i64.extend_i32_u (local.get $fb))
              (i64.load offset=24
                (i32.add (local.get $cube)
                  (i32.shl
                    (i32.add
                      (i32.add (local.get $base) (i32.and (local.get $sr) (i32.sub (local.get $br) (i32.const 1))))
                      (i32.and (local.get $sg) (i32.sub (local.get $bg) (i32.const 1))))
                    (i32.const 5)))))))
        ;; Unpack: the 10-bit node codes at bits 41, 24 and 7 of the sum (JS: acc·2^-41, acc·2^-24 & 1023, acc·2^-7 & 1023).
        (i32.store8 (local.get $dst)
          (i32.load8_u offset=151552 (i32.wrap_i64 (i64.shr_u (local.get $acc) (i64.const 41)))))
        (i32.store8 offset=1 (local.get $dst)
          (i32.load8_u offset=151552 (i32.and (i32.wrap_i64 (i64.shr_u (local.get $acc) (i64.const 24))) (i32.const 1023))))
        (i32.store8 offset=2 (local.get $dst)
          (i32.load8_u offset=151552 (i32.and (i32.wrap_i64 (i64.shr_u (local.get $acc) (i64.const 7))) (i32.const 1023))))
        (local.set $i (i32.add (local.get $i) (i32.const 3)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 3)))
        (local.set $x (i32.add (local.get $x) (i32.const 1)))
        (br_if $pixel (i32.lt_s (local.get $x) (local.get $width))))))
)

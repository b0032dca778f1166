// Decoder corpus assembly: Advanced SIMD (NEON) instructions, one or more per NEON.decode pattern.

extension CorpusAssembly {
    static let advancedSIMD = #"""
@ Advanced SIMD
    vhadd.s8 d1, d2, d3
    vhadd.u32 q1, q2, q3
    vqadd.s16 d1, d2, d3
    vqadd.u64 q1, q2, q3
    vrhadd.u8 d1, d2, d3
    vand d1, d2, d3
    vbic q1, q2, q3
    vorr d1, d2, d3
    vmov q1, q2
    vorn d1, d2, d3
    veor q1, q2, q3
    vbsl d1, d2, d3
    vbit d1, d2, d3
    vbif q1, q2, q3
    vhsub.s16 d1, d2, d3
    vqsub.u8 q1, q2, q3
    vcgt.s8 d1, d2, d3
    vcge.u16 q1, q2, q3
    vshl.s32 d1, d2, d3
    vqshl.u8 d1, d2, d3
    vrshl.s64 q1, q2, q3
    vqrshl.u16 d1, d2, d3
    vmax.s32 d1, d2, d3
    vmin.u8 q1, q2, q3
    vabd.s16 d1, d2, d3
    vaba.u32 q1, q2, q3
    vadd.i64 q1, q2, q3
    vsub.i8 d1, d2, d3
    vtst.16 d1, d2, d3
    vceq.i32 q1, q2, q3
    vmla.i16 d1, d2, d3
    vmls.i32 q1, q2, q3
    vmul.i8 d1, d2, d3
    vmul.p8 q1, q2, q3
    vpmax.s8 d1, d2, d3
    vpmin.u16 d1, d2, d3
    vqdmulh.s16 d1, d2, d3
    vqrdmulh.s32 q1, q2, q3
    vpadd.i16 d1, d2, d3
    vfma.f32 d1, d2, d3
    vfms.f32 q1, q2, q3
    vadd.f32 d1, d2, d3
    vsub.f32 q1, q2, q3
    vpadd.f32 d1, d2, d3
    vabd.f32 q1, q2, q3
    vmla.f32 d1, d2, d3
    vmls.f32 q1, q2, q3
    vmul.f32 d1, d2, d3
    vceq.f32 d1, d2, d3
    vcge.f32 q1, q2, q3
    vcgt.f32 d1, d2, d3
    vacge.f32 d1, d2, d3
    vacgt.f32 q1, q2, q3
    vmax.f32 d1, d2, d3
    vmin.f32 q1, q2, q3
    vpmax.f32 d1, d2, d3
    vpmin.f32 d1, d2, d3
    vrecps.f32 d1, d2, d3
    vrsqrts.f32 q1, q2, q3
    vmov.i32 d1, #0x00ff0000
    vmov.i16 q1, #0x0800
    vmov.i32 d1, #0x0000ffff
    vmov.i32 d1, #0x00ffffff
    vmov.i8 d1, #0xab
    vmov.f32 q1, #1.5
    vmov.i64 d1, #0xff00ff00ff00ff00
    vorr.i32 d1, #0x0000ff00
    vorr.i16 q1, #0xab00
    vmvn.i32 d1, #0x000000ab
    vmvn.i16 d1, #0xab00
    vmvn.i32 d1, #0xabffffff
    vmvn.i32 q1, #0x0000ab00
    vbic.i32 d1, #0xab000000
    vbic.i16 q1, #0x00ab
    vshr.s8 d1, d2, #3
    vshr.u64 q1, q2, #60
    vsra.s16 d1, d2, #7
    vrshr.u32 d1, d2, #31
    vrsra.s64 q1, q2, #1
    vsri.8 d1, d2, #4
    vshl.i16 d1, d2, #15
    vsli.32 q1, q2, #0
    vqshlu.s8 d1, d2, #2
    vqshl.s16 d1, d2, #3
    vqshl.u64 q1, q2, #63
    vshrn.i16 d1, q2, #3
    vrshrn.i32 d1, q2, #16
    vqshrun.s16 d1, q2, #8
    vqrshrun.s64 d1, q2, #1
    vqshrn.s32 d1, q2, #4
    vqrshrn.u16 d1, q2, #2
    vshll.s8 q1, d2, #3
    vshll.u16 q1, d2, #1
    vshll.i8 q1, d2, #8
    vshll.i32 q1, d2, #32
    vmovl.s8 q1, d2
    vmovl.u16 q1, d2
    vmovl.s32 q1, d2
    vcvt.s32.f32 d1, d2, #16
    vcvt.f32.u32 q1, q2, #1
    vaddl.s8 q1, d2, d3
    vaddw.u16 q1, q2, d3
    vsubl.u32 q1, d2, d3
    vsubw.s8 q1, q2, d3
    vaddhn.i16 d1, q2, q3
    vraddhn.i32 d1, q2, q3
    vabal.s8 q1, d2, d3
    vsubhn.i64 d1, q2, q3
    vrsubhn.i16 d1, q2, q3
    vabdl.u16 q1, d2, d3
    vmlal.s32 q1, d2, d3
    vqdmlal.s16 q1, d2, d3
    vmlsl.u8 q1, d2, d3
    vqdmlsl.s32 q1, d2, d3
    vmull.s8 q1, d2, d3
    vmull.p8 q1, d2, d3
    vqdmull.s16 q1, d2, d3
    vmla.i16 d1, d2, d3[1]
    vmla.f32 q1, q2, d3[0]
    vmls.i32 q1, q2, d3[1]
    vmls.f32 d1, d2, d3[1]
    vmlal.s16 q1, d2, d3[2]
    vmlsl.u32 q1, d2, d3[1]
    vqdmlal.s16 q1, d2, d3[3]
    vqdmlsl.s32 q1, d2, d3[0]
    vmul.i16 d1, d2, d3[1]
    vmul.f32 q1, q2, d3[1]
    vmull.u16 q1, d2, d3[0]
    vqdmull.s32 q1, d2, d3[1]
    vqdmulh.s16 q1, q2, d3[1]
    vqrdmulh.s32 d1, d2, d3[1]
    vext.8 d1, d2, d3, #3
    vext.32 q1, q2, q3, #1
    vrev64.8 d1, d2
    vrev32.16 q1, q2
    vrev16.8 d1, d2
    vpaddl.s8 d1, d2
    vpaddl.u16 q1, q2
    vcls.s8 d1, d2
    vclz.i16 q1, q2
    vcnt.8 d1, d2
    vmvn d1, d2
    vpadal.u32 q1, q2
    vqabs.s8 d1, d2
    vqneg.s16 q1, q2
    vcgt.s8 d1, d2, #0
    vcge.f32 q1, q2, #0
    vceq.i16 d1, d2, #0
    vcle.s32 d1, d2, #0
    vclt.f32 d1, d2, #0
    vabs.s8 d1, d2
    vabs.f32 q1, q2
    vneg.s32 d1, d2
    vneg.f32 d1, d2
    vswp d1, d2
    vtrn.8 d1, d2
    vuzp.16 q1, q2
    vzip.32 q1, q2
    vmovn.i16 d1, q2
    vqmovun.s32 d1, q2
    vqmovn.s16 d1, q2
    vqmovn.u64 d1, q2
    vcvt.f16.f32 d1, q2
    vcvt.f32.f16 q1, d2
    vrecpe.u32 d1, d2
    vrecpe.f32 q1, q2
    vrsqrte.u32 d1, d2
    vrsqrte.f32 d1, d2
    vcvt.f32.s32 d1, d2
    vcvt.u32.f32 q1, q2
    vtbl.8 d1, {d2}, d3
    vtbl.8 d1, {d2-d5}, d6
    vtbx.8 d1, {d2, d3}, d4
    vdup.8 d1, d2[3]
    vdup.32 q1, d2[1]
    vld1.8 {d1}, [r1]
    vld1.16 {d1, d2}, [r1:128]!
    vld1.32 {d1-d3}, [r1], r2
    vld1.64 {d1-d4}, [r1:256]
    vld2.8 {d1, d2}, [r1]
    vld2.16 {d1, d3}, [r1]!
    vld2.32 {d1-d4}, [r1]
    vld3.8 {d1, d2, d3}, [r1]
    vld3.16 {d1, d3, d5}, [r1]!
    vld4.8 {d1-d4}, [r1]
    vld4.32 {d1, d3, d5, d7}, [r1], r3
    vst1.8 {d1}, [r1]
    vst1.16 {d1, d2}, [r1]!
    vst1.32 {d1-d3}, [r1]
    vst1.64 {d1-d4}, [r1], r2
    vst2.8 {d1, d2}, [r1]
    vst2.16 {d1, d3}, [r1]
    vst2.32 {d1-d4}, [r1]!
    vst3.8 {d1, d2, d3}, [r1]
    vst3.32 {d1, d3, d5}, [r1]
    vst4.16 {d1-d4}, [r1]
    vst4.8 {d1, d3, d5, d7}, [r1]!
    vld1.8 {d1[3]}, [r1]
    vld1.32 {d1[1]}, [r1:32]!
    vld2.16 {d1[2], d2[2]}, [r1]
    vld3.8 {d1[1], d2[1], d3[1]}, [r1]
    vld4.32 {d1[0], d2[0], d3[0], d4[0]}, [r1], r2
    vst1.16 {d1[1]}, [r1]
    vst2.8 {d1[7], d2[7]}, [r1]!
    vst3.32 {d1[1], d3[1], d5[1]}, [r1]
    vst4.16 {d1[0], d2[0], d3[0], d4[0]}, [r1]
    vld1.8 {d1[]}, [r1]
    vld1.32 {d1[], d2[]}, [r1]!
    vld2.16 {d1[], d2[]}, [r1]
    vld3.8 {d1[], d2[], d3[]}, [r1]
    vld4.32 {d1[], d2[], d3[], d4[]}, [r1:128], r2
"""#
}

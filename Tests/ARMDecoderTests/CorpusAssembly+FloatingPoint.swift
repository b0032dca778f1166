// Decoder corpus assembly: VFP instructions and the core<->extension register transfers.

extension CorpusAssembly {
    static let floatingPoint = #"""
@ VFPv3/VFPv4 floating point, and the core<->extension register transfers
7:  vldr s1, [r1, #4]
    vldr d1, [r1, #-8]
    vldr d2, 7b
    vstr s3, [r2, #4]
    vstr d17, [r2, #-1020]
    vldmia r1, {s2-s5}
    vldmia r1!, {d2-d5}
    vldmdb r1!, {d16-d17}
    vstmia r1, {d0-d15}
    vstmia r1!, {s4-s8}
    vstmdb r1!, {s2-s3}
    vpush {d8-d15}
    vpop {d8-d15}
    vpush {s16}
    vpop {s16}
    vmov.f32 s1, #1.0
    vmov.f64 d1, #-2.5
    vmov.f32 s1, s2
    vmov.f64 d17, d18
    vmov s1, r2
    vmov r2, s1
    vmov s2, s3, r4, r5
    vmov r4, r5, s2, s3
    vmov d3, r4, r5
    vmov r4, r5, d19
    vmov.32 d3[1], r1
    vmov.16 d3[2], r1
    vmov.8 d3[7], r1
    vmov.32 r1, d3[0]
    vmov.s16 r1, d3[1]
    vmov.u8 r1, d3[3]
    vdup.32 q1, r2
    vdup.16 d1, r2
    vdup.8 q1, r2
    vmrs r1, fpscr
    vmrs APSR_nzcv, fpscr
    vmsr fpscr, r1
    vmrs r1, fpexc
    vmsr fpexc, r1
    vmrs r1, fpsid
    vadd.f32 s1, s2, s3
    vadd.f64 d1, d2, d3
    vsub.f32 s1, s2, s3
    vsub.f64 d16, d17, d18
    vmul.f32 s1, s2, s3
    vmul.f64 d1, d2, d3
    vnmul.f32 s1, s2, s3
    vnmul.f64 d1, d2, d3
    vmla.f32 s1, s2, s3
    vmla.f64 d1, d2, d3
    vmls.f32 s1, s2, s3
    vmls.f64 d1, d2, d3
    vnmla.f32 s1, s2, s3
    vnmla.f64 d1, d2, d3
    vnmls.f32 s1, s2, s3
    vnmls.f64 d1, d2, d3
    vdiv.f32 s1, s2, s3
    vdiv.f64 d1, d2, d3
    vfma.f32 s1, s2, s3
    vfma.f64 d1, d2, d3
    vfms.f32 s1, s2, s3
    vfms.f64 d1, d2, d3
    vfnma.f32 s1, s2, s3
    vfnma.f64 d1, d2, d3
    vfnms.f32 s1, s2, s3
    vfnms.f64 d1, d2, d3
    vneg.f32 s1, s2
    vneg.f64 d1, d2
    vabs.f32 s1, s2
    vabs.f64 d1, d2
    vsqrt.f32 s1, s2
    vsqrt.f64 d1, d2
    vcmp.f32 s1, s2
    vcmp.f64 d1, d2
    vcmpe.f32 s1, s2
    vcmpe.f64 d1, d2
    vcmp.f32 s1, #0.0
    vcmp.f64 d1, #0.0
    vcmpe.f32 s1, #0.0
    vcmpe.f64 d1, #0.0
    vcvt.f64.f32 d1, s2
    vcvt.f32.f64 s1, d2
    vcvt.f32.s32 s1, s2
    vcvt.f32.u32 s1, s2
    vcvt.f64.s32 d1, s2
    vcvt.f64.u32 d1, s2
    vcvt.s32.f32 s1, s2
    vcvt.u32.f32 s1, s2
    vcvt.s32.f64 s1, d2
    vcvt.u32.f64 s1, d2
    vcvtr.s32.f32 s1, s2
    vcvtr.u32.f64 s1, d2
    vcvt.s16.f32 s1, s1, #8
    vcvt.u32.f32 s1, s1, #20
    vcvt.f32.s16 s1, s1, #8
    vcvt.f64.u32 d1, d1, #31
    vcvt.s32.f64 d1, d1, #1
    vcvtb.f32.f16 s1, s2
    vcvtt.f32.f16 s1, s2
    vcvtb.f16.f32 s1, s2
    vcvtt.f16.f32 s1, s2
"""#
}

// Hand-written assembly for the decoder corpus: at least one instruction for every decode
// pattern (the corpus test checks that each pattern is hit). arm.s and thumb.s include the
// shared parts (common.inc: core instructions in unified syntax, fp.inc: VFP, neon.inc:
// Advanced SIMD) and add the forms only one state has.

enum CorpusAssembly {
    /// Every file written for the assembler, by name.
    static var sources: [(name: String, text: String)] {
        [("common.inc", common), ("fp.inc", floatingPoint), ("neon.inc", advancedSIMD), ("arm.s", arm), ("thumb.s", thumb)]
    }

    /// The files assembled into objects (the others are included by them).
    static let assembled = ["arm.s", "thumb.s"]

    static let arm = #"""
    .syntax unified
    .arch armv7-a
    .arch_extension idiv
    .arch_extension mp
    .arch_extension sec
    .fpu neon-vfpv4
    .arm
    .text
    .globl arm_code
arm_code:
    .include "common.inc"
    .include "fp.inc"
    .include "neon.inc"
    @ ARM-only forms
    ldrbt r1, [r2], #4
    ldrht r1, [r2], #2
    ldrsbt r1, [r2], #1
    ldrsht r1, [r2], #2
    ldrt r1, [r2], #4
    strbt r1, [r2], #1
    strht r1, [r2], #2
    strt r1, [r2], #4
    adc r1, r2, r3, lsl r4
    add r1, r2, r3, lsr r4
    and r1, r2, r3, asr r4
    bic r1, r2, r3, ror r4
    cmn r1, r2, lsl r3
    cmp r1, r2, lsl r3
    eor r1, r2, r3, lsl r4
    mov r1, r2, lsl r3
    mvn r1, r2, lsl r3
    orr r1, r2, r3, lsl r4
    rsb r1, r2, r3, lsl r4
    rsc r1, r2, r3, lsl r4
    rsc r1, r2, #1
    rscs r1, r2, r3
    sbc r1, r2, r3, lsl r4
    sub r1, r2, r3, lsl r4
    teq r1, r2, lsl r3
    tst r1, r2, lsl r3
    ldmda r0, {r1, r2}
    ldmib r0!, {r1, r2}
    stmda r0!, {r1, r2}
    stmib r0, {r1, r2}
    ldr r1, [r2, -r3, asr #2]!
    ldr r1, [r2], r3, lsl #1
    ldrt r1, [r2], -r3, lsl #2
    ldrbt r1, [r2], r3
    strt r1, [r2], r3
    strbt r1, [r2], -r3
    ldrht r1, [r2], -r3
    ldrsbt r1, [r2], r3
    ldrsht r1, [r2], r3
    strht r1, [r2], r3
    ldrd r2, r3, [r4, r5]
    strd r2, r3, [r4, -r5]!
    ldrh r1, [r2], -r3
    strh r1, [r2, -r3]
    strb r1, [r2], r3, lsl #2
    swp r1, r2, [r3]
    swpb r1, r2, [r3]
    mrs r1, spsr
    msr spsr_fsxc, r1
    msr cpsr_c, #0x10
    msr apsr_nzcvq, #0xf0000000
    muls r1, r2, r3
    mlas r1, r2, r3, r4
    umulls r1, r2, r3, r4
    smlals r1, r2, r3, r4
    subs pc, lr, #4
    movs pc, lr
    blx 2f
    .thumb
2:  nop
    .arm
    srsdb sp!, #19
    rfeia r0!
    ldrexeq r1, [r2]
    addeq r1, r2, #1
    bne 1b
    bleq 1b
    udf #0xfff
    svc #0x900001
"""#

    static let thumb = #"""
    .syntax unified
    .arch armv7-a
    .arch_extension idiv
    .arch_extension mp
    .arch_extension sec
    .fpu neon-vfpv4
    .thumb
    .text
    .globl thumb_code
    .thumb_func
thumb_code:
    .include "common.inc"
    .include "fp.inc"
    .include "neon.inc"
    @ 16-bit encodings
    movs r1, #200
    cmp r1, #3
    adds r1, #100
    subs r1, #100
    adds r1, r2, #3
    subs r1, r2, #3
    adds r1, r2, r3
    subs r1, r2, r3
    ands r1, r2
    eors r1, r2
    adcs r1, r2
    sbcs r1, r2
    rors r1, r2
    tst r1, r2
    negs r1, r2
    cmn r1, r2
    orrs r1, r2
    muls r1, r2, r1
    bics r1, r2
    mvns r1, r2
    lsls r1, r2, #3
    lsrs r1, r2, #3
    asrs r1, r2, #3
    movs r1, r2
    add r1, r9
    cmp r1, r9
    cmp r1, r2
    mov r1, r9
    bx r3
    blx r3
    ldr r1, 3f
    str r1, [r2, r3]
    strh r1, [r2, r3]
    strb r1, [r2, r3]
    ldrsb r1, [r2, r3]
    ldr r1, [r2, r3]
    ldrh r1, [r2, r3]
    ldrb r1, [r2, r3]
    ldrsh r1, [r2, r3]
    str r1, [r2, #4]
    ldr r1, [r2, #4]
    strb r1, [r2, #4]
    ldrb r1, [r2, #4]
    strh r1, [r2, #4]
    ldrh r1, [r2, #4]
    str r1, [sp, #4]
    ldr r1, [sp, #4]
    adr r1, 3f
    add r1, sp, #8
    add sp, #8
    sub sp, #8
    cbz r1, 3f
    cbnz r1, 3f
    sxth r1, r2
    sxtb r1, r2
    uxth r1, r2
    uxtb r1, r2
    push {r1, r2, lr}
    pop {r1, r2, pc}
    rev r1, r2
    rev16 r1, r2
    revsh r1, r2
    bkpt #1
    ite eq
    moveq r1, r2
    movne r1, r3
    itttt ne
    addne r1, r2
    subne r1, r2
    cmpne r1, r2
    lslne r1, r2
    nop
    yield
    wfe
    wfi
    it eq
    seveq
    stmia r1!, {r2, r3}
    ldmia r1!, {r2, r3}
    ldmia r1, {r1, r3}
    beq 3f
    udf #7
    svc #1
    b 3f
    .align 2
3:  nop
    @ 32-bit forms that are Thumb-only or need .w
    @ (the coprocessor "2" forms are decoded in T32 only; A32Uncond leaves them undefined)
    ldc2 p14, c5, [r1, #4]
    ldc2 p14, c5, [pc, #-8]
    stc2 p14, c5, [r1, #4]
    cdp2 p14, 1, c1, c2, c3, 4
    mcr2 p14, 0, r0, c7, c10, 5
    mrc2 p14, 0, r0, c7, c10, 5
    mcrr2 p14, 1, r0, r1, c14
    mrrc2 p14, 1, r0, r1, c14
    adds.w r1, r2, #1
    addw r1, r2, #0xfff
    subw r1, r2, #0xfff
    addw r1, pc, #16
    subw r1, pc, #16
    adr.w r1, 3b
    adr.w r1, 4f
    orn r1, r2, #1
    orn r1, r2, r3, lsl #2
    mov.w r1, #0x00ff00ff
    mvn.w r1, #0xff00ff00
    lsl.w r1, r2, r3
    lsr.w r1, r2, r3
    asrs.w r1, r2, r3
    ror.w r1, r2, r3
    tbb [r1, r2]
    tbh [r1, r2, lsl #1]
    ldr.w r1, [r2, #-255]
    ldr r1, [r2, #255]!
    ldr.w r1, [r2, #4095]
    ldrb.w r1, [r2, #-1]
    ldrh.w r1, [r2], #1
    ldrsb.w r1, [r2, #-1]
    ldrsh.w r1, [r2, #4095]
    str.w r1, [r2, #-4]
    strb.w r1, [r2, #4095]
    strh.w r1, [r2, #-2]
    ldrt r1, [r2, #4]
    ldrbt r1, [r2, #4]
    ldrht r1, [r2, #4]
    ldrsbt r1, [r2, #4]
    ldrsht r1, [r2, #4]
    strt r1, [r2, #4]
    strbt r1, [r2, #4]
    strht r1, [r2, #4]
    ldr.w r1, [r2, r3, lsl #3]
    ldrsh.w r1, [r2, r3, lsl #1]
    pld [r1, #-255]
    pld [r1, #4095]
    pldw [r1, #-8]
    pli [r1, #-255]
    pli [r1, #4095]
    ldrd r1, r2, [r3], #-8
    strd r1, r2, [r3], #-8
    ldr.w r1, 3b
    ldrb.w r1, 4f
    ldrsb.w r1, 4f
    ldrh.w r1, 4f
    ldrsh.w r1, 4f
    ldrd r1, r2, 4f
    pld 4f
    pli 4f
    push.w {r1, r2, r3}
    pop.w {r1, r2, r3}
    push.w {r8}
    pop.w {r8}
    ldmia.w r1!, {r2, r3, r4, lr}
    ldmdb r1, {r2, r3, pc}
    stmia.w r1, {r2, r3, lr}
    beq.w 4f
    b.w 4f
    bl 4f
    blx 5f
    nop.w
    yield.w
    wfe.w
    wfi.w
    sev.w
    cpsid i
    cps #19
    mrs r1, spsr
    msr spsr_fc, r1
    udf.w #300
    sxth r8, r9
    rev16 r8, r9
    revsh r8, r9
    sxtb r8, r9, ror #8
    uxth r8, r9
    cmp.w r8, #1
    tst.w r8, r9
    uxtb.w r8, r9
    rev.w r8, r9
    strb.w r8, [r9, r10]
    strh.w r8, [r9, #2]
    strh.w r8, [r9, r10]
    str.w r8, [r9, #4]
    ldrb.w r8, [r9, #4]
    ldrb.w r8, [r9, r10]
    ldrh.w r8, [r9, #2]
    ldrh.w r8, [r9, r10]
    ldrsb.w r8, [r9, r10]
4:  nop
    .arm
    .align 2
5:  nop
"""#
}

// Decoder corpus assembly: Core instructions valid in both ARM and Thumb state (unified syntax).

extension CorpusAssembly {
    static let common = #"""
@ Instructions valid in both ARM and Thumb state (unified syntax), one or more per decode pattern.
    adc r1, r2, #4
    adcs r1, r2, r3, lsl #3
    add r1, r2, #0x3fc
    adds r1, r2, r3, asr #2
    add r8, sp, #16
    add r1, sp, r2
    adr r0, 1f
    adr r0, 0f
0:  and r1, r2, #0xff00
    ands r4, r5, r6, ror #7
    asr r1, r2, #5
    asrs r1, r2
    bic r1, r2, #1
    bics r1, r2, r3, lsr #9
    bfc r1, #3, #7
    bfi r1, r2, #8, #4
    bkpt #12
    bl 1f
    blx 1f
    blx r3
    bx lr
    bxj r2
1:  clrex
    clz r1, r2
    cmn r1, #7
    cmn r1, r2, lsl #1
    cmp r1, #255
    cmp r1, r2
    cmp r8, r9, lsr #4
    dbg #5
    dmb ish
    dsb sy
    eor r1, r2, #0xf0
    eors r1, r2, r3, asr #1
    isb
    ldm r0, {r1, r2, r3}
    ldm r0!, {r1, r2, r4}
    ldmdb r0, {r1, r2}
    ldmdb r0!, {r4, r5, r6, lr}
    ldr r1, [r2, #4]
    ldr r1, [r2, #-4]
    ldr r1, [r2, #8]!
    ldr r1, [r2], #-8
    ldr r1, [r2, r3]
    ldr r1, [r2, r3, lsl #2]
    ldr r1, 1b
    ldr r1, [pc, #-20]
    ldrb r1, [r2, #4]
    ldrb r1, [r2, #-4]!
    ldrb r1, [r2, r3]
    ldrb r1, 1b
    ldrd r2, r3, [r4, #8]
    ldrd r2, r3, [r4], #-8
    ldrd r2, r3, 1b
    ldrex r1, [r2]
    ldrexb r1, [r2]
    ldrexh r1, [r2]
    ldrexd r2, r3, [r4]
    ldrh r1, [r2, #6]
    ldrh r1, [r2, #-6]!
    ldrh r1, [r2, r3]
    ldrh r1, 1b
    ldrsb r1, [r2, #3]
    ldrsb r1, [r2, #-3]
    ldrsb r1, [r2, r3]
    ldrsb r1, 1b
    ldrsh r1, [r2, #2]
    ldrsh r1, [r2], #-2
    ldrsh r1, [r2, r3]
    ldrsh r1, 1b
    lsl r1, r2, #3
    lsls r1, r2
    lsr r1, r2, #31
    lsrs r1, r2
    mcr p15, 0, r0, c7, c10, 5
    mcrr p15, 1, r0, r1, c14
    mla r1, r2, r3, r4
    mls r1, r2, r3, r4
    mov r1, #0x1000
    movs r1, r2
    mov r8, r9
    movw r1, #0x1234
    movt r1, #0xabcd
    mrc p15, 0, r0, c13, c0, 3
    mrrc p15, 1, r0, r1, c14
    mrs r1, apsr
    msr apsr_nzcvq, r1
    msr apsr_g, r2
    mul r1, r2, r3
    mvn r1, #0xff
    mvns r1, r2, lsl #2
    nop
    orr r1, r2, #0x80000000
    orrs r1, r2, r3, asr #3
    pkhbt r1, r2, r3, lsl #8
    pkhtb r1, r2, r3, asr #8
    pld [r1, #4]
    pld [r1, #-4]
    pld [r1, r2]
    pld 1b
    pldw [r1, #8]
    pldw [r1, r2, lsl #2]
    pli [r1, #4]
    pli [r1, #-4]
    pli [r1, r2]
    pli 1b
    pop {r4, r5, pc}
    push {r4, r5, lr}
    qadd r1, r2, r3
    qsub r1, r2, r3
    qdadd r1, r2, r3
    qdsub r1, r2, r3
    qadd16 r1, r2, r3
    qadd8 r1, r2, r3
    qasx r1, r2, r3
    qsax r1, r2, r3
    qsub16 r1, r2, r3
    qsub8 r1, r2, r3
    rbit r1, r2
    rev r1, r2
    rev16 r1, r2
    revsh r1, r2
    ror r1, r2, #3
    rors r1, r2
    rrx r1, r2
    rsb r1, r2, #0
    rsbs r1, r2, r3, lsl #1
    sadd16 r1, r2, r3
    sadd8 r1, r2, r3
    sasx r1, r2, r3
    sbc r1, r2, #3
    sbcs r1, r2, r3
    sbfx r1, r2, #3, #5
    sdiv r1, r2, r3
    sel r1, r2, r3
    sev
    shadd16 r1, r2, r3
    shadd8 r1, r2, r3
    shasx r1, r2, r3
    shsax r1, r2, r3
    shsub16 r1, r2, r3
    shsub8 r1, r2, r3
    smlabb r1, r2, r3, r4
    smlabt r1, r2, r3, r4
    smlatb r1, r2, r3, r4
    smlatt r1, r2, r3, r4
    smlad r1, r2, r3, r4
    smladx r1, r2, r3, r4
    smlal r1, r2, r3, r4
    smlalbb r1, r2, r3, r4
    smlaltt r1, r2, r3, r4
    smlald r1, r2, r3, r4
    smlaldx r1, r2, r3, r4
    smlawb r1, r2, r3, r4
    smlawt r1, r2, r3, r4
    smlsd r1, r2, r3, r4
    smlsld r1, r2, r3, r4
    smmla r1, r2, r3, r4
    smmlar r1, r2, r3, r4
    smmls r1, r2, r3, r4
    smmlsr r1, r2, r3, r4
    smmul r1, r2, r3
    smmulr r1, r2, r3
    smuad r1, r2, r3
    smuadx r1, r2, r3
    smulbb r1, r2, r3
    smultb r1, r2, r3
    smull r1, r2, r3, r4
    smulwb r1, r2, r3
    smulwt r1, r2, r3
    smusd r1, r2, r3
    smusdx r1, r2, r3
    ssat r1, #8, r2
    ssat r1, #16, r2, lsl #4
    ssat r1, #16, r2, asr #4
    ssat16 r1, #8, r2
    ssax r1, r2, r3
    ssub16 r1, r2, r3
    ssub8 r1, r2, r3
    stm r0, {r1, r2}
    stm r0!, {r1, r2, r3}
    stmdb r0, {r1, r2}
    stmdb r0!, {r1, r2, r3}
    str r1, [r2, #4]
    str r1, [r2, #-4]!
    str r1, [r2], #4
    str r1, [r2, r3, lsl #3]
    strb r1, [r2, #1]
    strb r1, [r2, #-1]
    strb r1, [r2, r3]
    strd r2, r3, [r4, #8]
    strd r2, r3, [r4, #-8]!
    strex r1, r2, [r3]
    strexb r1, r2, [r3]
    strexh r1, r2, [r3]
    strexd r1, r2, r3, [r4]
    strh r1, [r2, #2]
    strh r1, [r2, #-2]!
    strh r1, [r2, r3]
    sub r1, r2, #1
    subs r1, r2, r3, lsl #4
    sub sp, sp, #8
    svc #0
    sxtab r1, r2, r3
    sxtab r1, r2, r3, ror #8
    sxtab16 r1, r2, r3
    sxtah r1, r2, r3, ror #16
    sxtb r1, r2
    sxtb r1, r2, ror #24
    sxtb16 r1, r2
    sxth r1, r2
    teq r1, #1
    teq r1, r2, lsl #3
    tst r1, #0x10
    tst r1, r2
    uadd16 r1, r2, r3
    uadd8 r1, r2, r3
    uasx r1, r2, r3
    ubfx r1, r2, #4, #12
    udiv r1, r2, r3
    uhadd16 r1, r2, r3
    uhadd8 r1, r2, r3
    uhasx r1, r2, r3
    uhsax r1, r2, r3
    uhsub16 r1, r2, r3
    uhsub8 r1, r2, r3
    umaal r1, r2, r3, r4
    umlal r1, r2, r3, r4
    umull r1, r2, r3, r4
    uqadd16 r1, r2, r3
    uqadd8 r1, r2, r3
    uqasx r1, r2, r3
    uqsax r1, r2, r3
    uqsub16 r1, r2, r3
    uqsub8 r1, r2, r3
    usad8 r1, r2, r3
    usada8 r1, r2, r3, r4
    usat r1, #8, r2
    usat r1, #8, r2, asr #3
    usat16 r1, #8, r2
    usax r1, r2, r3
    usub16 r1, r2, r3
    usub8 r1, r2, r3
    uxtab r1, r2, r3
    uxtab16 r1, r2, r3
    uxtah r1, r2, r3
    uxtb r1, r2
    uxtb16 r1, r2
    uxth r1, r2, ror #8
    wfe
    wfi
    yield
    udf #3
8:  ldc p14, c5, [r1, #4]
    ldc p14, c5, [r1], {4}
    ldcl p14, c5, [r1, #-8]!
    ldc p14, c5, [pc, #8]
    stc p14, c5, [r1, #4]
    stcl p14, c5, [r1], #-4
    cdp p14, 1, c1, c2, c3, 4
    cps #16
    cpsie i
    cpsid if, #19
    setend be
    setend le
"""#
}

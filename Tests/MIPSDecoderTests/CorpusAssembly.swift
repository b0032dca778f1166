// Hand-written assembly for the decoder corpus: at least one instruction for every decode
// pattern of MIPS32.decode and MIPS32FPU.decode (the corpus test checks that each pattern is
// hit), with register numbers, condition codes and immediates varied so the field checks see
// more than one value. Assembled for both byte orders with -mips32r2 -mfp64.

enum CorpusAssembly {
    /// Every file written for the assembler, by name.
    static var sources: [(name: String, text: String)] {
        [("integer.s", integer), ("fpu.s", fpu)]
    }

    /// The files assembled into objects.
    static let assembled = ["integer.s", "fpu.s"]

    static let integer = #"""
    .set noreorder
    .set noat
    .text
    .globl integer_code
integer_code:
    # SPECIAL
    sll $4, $5, 3
    sll $0, $0, 0
    ssnop
    ehb
    pause
    movf $4, $5, $fcc2
    movt $6, $7, $fcc7
    movt $31, $1, $fcc0
    srl $4, $5, 31
    rotr $4, $5, 7
    sra $30, $29, 1
    sllv $4, $5, $6
    srlv $7, $8, $9
    rotrv $10, $11, $12
    srav $13, $14, $15
    jr $31
    jr.hb $25
    jalr $25
    jalr $4, $25
    jalr.hb $25
    movz $4, $5, $6
    movn $16, $17, $18
    syscall
    syscall 0x12345
    break
    break 7
    break 3, 4
    sync
    sync 4
    sync 0x10
    mfhi $4
    mthi $5
    mflo $6
    mtlo $7
    mult $4, $5
    multu $6, $7
    div $0, $4, $5
    divu $0, $6, $7
    add $4, $5, $6
    addu $19, $20, $21
    sub $22, $23, $24
    subu $4, $0, $5
    subu $25, $26, $27
    and $28, $29, $30
    or $31, $1, $2
    xor $3, $4, $5
    nor $6, $7, $8
    slt $9, $10, $11
    sltu $12, $13, $14
    tge $4, $5
    tge $4, $5, 7
    tgeu $6, $7, 0x3ff
    tlt $8, $9
    tltu $10, $11, 12
    teq $12, $0, 7
    tne $13, $14, 6
    # REGIMM
    bltz $4, integer_code
    bgez $5, 1f
    bltzl $6, integer_code
    bgezl $7, 1f
    tgei $4, -5
    tgeiu $5, 0x7fff
    tlti $6, -32768
    tltiu $7, 100
    teqi $8, 0
    tnei $9, -1
1:  bltzal $10, integer_code
    bgezal $0, integer_code
    bgezal $11, 1b
    bltzall $12, integer_code
    bgezall $13, 1b
    synci 16($4)
    synci -4($31)
    # Main table
    j integer_code
    jal integer_code
    beq $4, $5, integer_code
    beq $0, $0, 1f
    bne $6, $7, 1f
    blez $8, integer_code
    bgtz $9, 1f
    addi $4, $5, -7
    addiu $6, $7, 0x7fff
    addiu $29, $29, -32
    slti $8, $9, -1
    sltiu $10, $11, -1
    andi $12, $13, 0xffff
    ori $14, $15, 0x8000
    xori $16, $17, 1
    lui $18, 0x1234
    lui $19, 0xffff
1:  beql $4, $5, integer_code
    bnel $6, $7, 1b
    blezl $8, integer_code
    bgtzl $9, 1b
    # SPECIAL2
    madd $4, $5
    maddu $6, $7
    mul $8, $9, $10
    msub $11, $12
    msubu $13, $14
    clz $4, $5
    clo $6, $7
    sdbbp
    sdbbp 5
    # SPECIAL3
    ext $4, $5, 3, 7
    ext $6, $7, 0, 32
    ins $4, $5, 3, 7
    ins $6, $7, 31, 1
    wsbh $4, $5
    seb $6, $7
    seh $8, $9
    rdhwr $3, $29
    rdhwr $4, $2
    # Loads and stores
    lb $4, -1($5)
    lh $6, 2($7)
    lwl $8, 3($9)
    lw $10, 0x7ffc($11)
    lbu $12, 0($13)
    lhu $14, -32768($15)
    lwr $16, 0($17)
    sb $18, 1($19)
    sh $20, 2($21)
    swl $22, 3($23)
    sw $24, 4($29)
    swr $25, 0($26)
    ll $4, 8($5)
    sc $6, -8($7)
    lwc1 $f4, 8($5)
    lwc1 $f31, -4($29)
    ldc1 $f6, 16($7)
    ldc1 $f1, 0($4)
    swc1 $f8, 12($9)
    sdc1 $f10, -16($11)
    pref 5, 8($4)
    pref 0, -4($5)
"""#

    static let fpu = #"""
    .set noreorder
    .set noat
    .set hardfloat
    .text
    .globl fpu_code
fpu_code:
    mfc1 $4, $f5
    cfc1 $4, $31
    cfc1 $5, $0
    mfhc1 $6, $f6
    mtc1 $7, $f7
    ctc1 $8, $31
    mthc1 $9, $f8
    bc1f fpu_code
    bc1f $fcc3, fpu_code
    bc1t $fcc7, fpu_code
    bc1fl $fcc1, fpu_code
    bc1tl fpu_code
    add.s $f0, $f1, $f2
    add.d $f2, $f4, $f6
    sub.s $f3, $f4, $f5
    sub.d $f8, $f10, $f12
    mul.s $f6, $f7, $f8
    mul.d $f14, $f16, $f18
    div.s $f9, $f10, $f11
    div.d $f20, $f22, $f24
    sqrt.s $f12, $f13
    sqrt.d $f26, $f28
    abs.s $f14, $f15
    abs.d $f30, $f0
    mov.s $f16, $f17
    mov.d $f2, $f4
    neg.s $f18, $f19
    neg.d $f6, $f8
    round.l.s $f20, $f21
    round.l.d $f10, $f12
    trunc.l.s $f22, $f23
    trunc.l.d $f14, $f16
    ceil.l.s $f24, $f25
    ceil.l.d $f18, $f20
    floor.l.s $f26, $f27
    floor.l.d $f22, $f24
    round.w.s $f28, $f29
    round.w.d $f26, $f28
    trunc.w.s $f30, $f31
    trunc.w.d $f30, $f0
    ceil.w.s $f0, $f1
    ceil.w.d $f2, $f4
    floor.w.s $f2, $f3
    floor.w.d $f6, $f8
    movf.s $f4, $f5, $fcc1
    movf.d $f10, $f12, $fcc0
    movt.s $f6, $f7, $fcc6
    movt.d $f14, $f16, $fcc7
    movz.s $f8, $f9, $4
    movz.d $f18, $f20, $5
    movn.s $f10, $f11, $6
    movn.d $f22, $f24, $7
    recip.s $f12, $f13
    recip.d $f26, $f28
    rsqrt.s $f14, $f15
    rsqrt.d $f30, $f0
    cvt.s.d $f16, $f2
    cvt.s.w $f17, $f18
    cvt.s.l $f19, $f20
    cvt.d.s $f4, $f21
    cvt.d.w $f6, $f22
    cvt.d.l $f8, $f10
    cvt.w.s $f23, $f24
    cvt.w.d $f25, $f12
    cvt.l.s $f14, $f26
    cvt.l.d $f16, $f18
    c.f.s $f0, $f1
    c.un.s $fcc1, $f2, $f3
    c.eq.s $fcc2, $f4, $f5
    c.ueq.s $fcc3, $f6, $f7
    c.olt.s $fcc4, $f8, $f9
    c.ult.s $fcc5, $f10, $f11
    c.ole.s $fcc6, $f12, $f13
    c.ule.s $fcc7, $f14, $f15
    c.sf.s $f16, $f17
    c.ngle.s $fcc1, $f18, $f19
    c.seq.s $fcc2, $f20, $f21
    c.ngl.s $fcc3, $f22, $f23
    c.lt.s $fcc4, $f24, $f25
    c.nge.s $fcc5, $f26, $f27
    c.le.s $fcc6, $f28, $f29
    c.ngt.s $fcc7, $f30, $f31
    c.f.d $f0, $f2
    c.un.d $fcc1, $f2, $f4
    c.eq.d $fcc2, $f4, $f6
    c.ueq.d $fcc3, $f6, $f8
    c.olt.d $fcc4, $f8, $f10
    c.ult.d $fcc5, $f10, $f12
    c.ole.d $fcc6, $f12, $f14
    c.ule.d $fcc7, $f14, $f16
    c.sf.d $f16, $f18
    c.ngle.d $fcc1, $f18, $f20
    c.seq.d $fcc2, $f20, $f22
    c.ngl.d $fcc3, $f22, $f24
    c.lt.d $fcc4, $f24, $f26
    c.nge.d $fcc5, $f26, $f28
    c.le.d $fcc6, $f28, $f30
    c.ngt.d $fcc7, $f30, $f0
    lwxc1 $f4, $5($6)
    ldxc1 $f6, $7($8)
    luxc1 $f8, $9($10)
    swxc1 $f10, $11($12)
    sdxc1 $f12, $13($14)
    suxc1 $f14, $15($16)
    prefx 5, $4($5)
    madd.s $f0, $f1, $f2, $f3
    madd.d $f4, $f6, $f8, $f10
    msub.s $f5, $f6, $f7, $f8
    msub.d $f12, $f14, $f16, $f18
    nmadd.s $f9, $f10, $f11, $f12
    nmadd.d $f20, $f22, $f24, $f26
    nmsub.s $f13, $f14, $f15, $f16
    nmsub.d $f28, $f30, $f0, $f2
"""#
}

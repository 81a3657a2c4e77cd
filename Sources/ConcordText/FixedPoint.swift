extension Double {
    /// Fixed-point text with `digits` decimals, the same on every machine and locale.
    package func fixed(_ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(self) * scale).rounded()
        let whole = Int(scaled / scale)
        var fraction = String(Int(scaled) - whole * Int(scale))
        while fraction.count < digits { fraction = "0" + fraction }
        let sign = self < 0 && scaled != 0 ? "-" : ""
        return digits == 0 ? sign + String(whole) : sign + String(whole) + "." + fraction
    }
}

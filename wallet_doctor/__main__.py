from wallet_doctor.cli import main

main()
